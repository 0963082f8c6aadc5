import type { EventBus } from './api/event-bus';
import { stationRefundKeys } from './refunds/refund-key-handlers';
import { stationReturns } from './station-returns';
import type { RuntimeHost } from './runtime-host';
import { LogoStore } from './settings/logo-store';
import { relayRegisterChanges } from './site-register-relay';
import type { SettingsFile } from './settings/settings-file';
import type { SettingsService } from './settings/settings-service';
import type { StationCoordination } from './site/station-coordination';
import type { StationConfig } from './station-config';
import type { StationPeople } from './station-people';
import type { StationSiteSettings } from './station-site-settings';
import { receiptService } from './station-wiring';
import { MailService } from './mail/mail-service';
import { PproSettings } from './agreements/ppro-settings';

/** The register's parts beside the books: the logo, the refund signing keys, the receipts and their mail. */
export function registerParts(
  config: StationConfig,
  deps: {
    host: RuntimeHost;
    people: StationPeople;
    settings: SettingsService;
    coordination: StationCoordination;
    events: EventBus;
    file: SettingsFile;
    site: StationSiteSettings;
  },
) {
  const { host, people, settings, coordination, events } = deps;
  // The logo and the catalogue are the site's (PostgreSQL): a change reaches every station's screens.
  const relay = relayRegisterChanges({ site: deps.site, bus: events, settings, now: config.now });
  deps.site.onOther((kind) => relay.heard(kind));
  const logo = new LogoStore(config.dataDir, () => relay.logoChanged());
  const refundKeys = stationRefundKeys(config, host, deps.file);
  const returns = stationReturns(config, { host, keys: refundKeys.keys, events });
  const receipts = receiptService(config, {
    ...{ host, people, locale: () => settings.view().locale, logo: () => logo.readLogo() },
    ...{ coordination, events },
  });
  // Charge receipts by e-mail, sent by the station holding `mail:receipts` (the one station on SQLite).
  const mail = new MailService({
    books: () => host.running()?.db ?? null,
    ...{ file: deps.file, secrets: config.secrets, locale: () => settings.view().locale },
    ...{ leases: coordination.leases, events, now: config.now, logger: config.logger },
  });
  // The merchant's PPRO account: a running live mode opens again to take it.
  const pproSettings = new PproSettings({
    ...{ file: deps.file, secrets: config.secrets, timeoutMs: config.timings.requestTimeoutMs },
    changed: async () => {
      const stored = deps.file.read();
      host.ppro.termsVersion = stored.agreementTermsVersion;
      if (host.running()?.mode === 'live') await host.open(stored);
    },
  });
  return { logo, refundKeys, receipts, returns, mail, pproSettings };
}

export type RegisterParts = ReturnType<typeof registerParts>;
