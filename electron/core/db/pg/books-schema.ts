import * as schema from '../schema';
import { pgTwins } from './pg-twin';

/*
 * The books' tables on PostgreSQL: twins derived from the one model in db/schema (pg-twin.ts says how).
 * drizzle-kit reads this file to write resources/pg-migrations; nothing queries through these objects.
 */
const twins = pgTwins(schema);

export const {
  bookIdentity,
  eventEnd,
  restores,
  recoveredPayments,
  callbackReceipts,
  callbackRejections,
  callbackRejectionTallies,
  drawerSessions,
  drawerMovements,
  cashTenders,
  payments,
  paymentEvents,
  transactions,
  reportTotals,
  reportDaily,
  reportHourly,
  zReports,
  reportMeta,
  sales,
  topupBatches,
  wristbands,
  wristbandEntries,
  topupAttention,
  wristbandRefunds,
  refundExports,
  saleLines,
  saleVat,
  receipts,
  printJobs,
  transactionVat,
  saleRefunds,
  saleRefundLines,
  saleRefundVat,
  agreements,
  agreementCharges,
} = twins;
