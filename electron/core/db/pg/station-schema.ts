import * as stationSchema from '../station-schema';
import { pgTwins } from './pg-twin';

/*
 * The station database's tables on PostgreSQL (staff, devices, sessions, audit log), derived from
 * db/station-schema like the books' ones. drizzle-kit reads this file to write resources/pg-station-migrations.
 */
const twins = pgTwins(stationSchema);

export const {
  staff,
  devices,
  pairingCodes,
  sessions,
  stationMeta,
  auditLog,
  auditRefusalTallies,
  siteLeases,
  siteRateSlots,
  siteSecrets,
  siteSettings,
  articles,
  printers,
  tillPrinting,
  inboxReads,
} = twins;
