import type { EventBus } from './api/event-bus';
import { JWKS_URLS } from './bancontact/callback-verifier';
import { createJwksCache } from './bancontact/jwks-cache';
import type { MerchantKeys } from './bancontact/merchant-keys';
import { createRefundClient, type RefundClient } from './bancontact/refund-client';
import { createRequestSigner } from './bancontact/refund-signer';
import type { Db } from './db/open-database';
import type { RuntimeHost } from './runtime-host';
import type { StationConfig } from './station-config';
import { createReturnsHandlers } from './refunds/returns-handlers';
import { SaleRefundsAtBancontact } from './refunds/sale-refund-bancontact';
import { SaleReturns } from './refunds/sale-returns';

/**
 * The station's returns: refunds of past sales in the running mode's books, Bancontact's Refund API of
 * that mode (training: the simulator, which reads the station's JWKS; live: Bancontact, whose answers'
 * SignatureBank is checked against its JWKS), signed with the profile's own key.
 */
export function stationReturns(
  config: Pick<StationConfig, 'now' | 'logger' | 'environmentUrls'>,
  deps: { host: RuntimeHost; keys: MerchantKeys; events: EventBus },
) {
  const { host, keys, events } = deps;
  const db = (): Db => host.current().db;
  const changed = (saleId: string) => events.emit('returns.changed', { saleId });
  const bancontact = new SaleRefundsAtBancontact({
    ...{ db, now: config.now, logger: config.logger, changed },
    client: (ppid) => refundClientOf(config, host, keys, ppid),
  });
  const returns = new SaleReturns({ db, bancontact, now: config.now, changed });
  // Refunds a previous run left pending are picked up once per mode's books, at the first returns call.
  const resumed = new WeakSet<Db>();
  const ready = async (): Promise<SaleReturns> => {
    const books = db();
    if (!resumed.has(books)) {
      resumed.add(books);
      await bancontact.resume();
    }
    return returns;
  };
  return { handlers: createReturnsHandlers(ready), bancontact, stop: () => bancontact.stop() };
}

function refundClientOf(
  config: Pick<StationConfig, 'environmentUrls'>,
  host: RuntimeHost,
  keys: MerchantKeys,
  ppid: string,
): RefundClient {
  const runtime = host.current();
  const live = runtime.environment;
  const baseUrl = live ? config.environmentUrls[live] : (host.simulatorUrl() ?? '');
  return createRefundClient({
    ...{ baseUrl, ppid, signer: createRequestSigner({ ppid, keys }) },
    ...(runtime.profileId === ppid && { limiter: runtime.limiter }),
    ...(live && { bankJwks: createJwksCache({ jwksUrl: JWKS_URLS[live] }) }),
  });
}
