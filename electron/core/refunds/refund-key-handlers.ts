import { ContractFailure, merchantJwksPath, type RefundSigningKeyView } from '../../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import {
  createMerchantKeys,
  type MerchantKeyInfo,
  type MerchantKeys,
  type PublicJwks,
} from '../bancontact/merchant-keys';
import type { SecretStore } from '../settings/secret-store';

export type RefundKeyHandlers = Pick<
  Handlers,
  'settings.getRefundSigningKey' | 'settings.rotateRefundSigningKey'
>;

export interface RefundKeyDeps {
  keys: MerchantKeys;
  /** The payment profile of the mode running now; null while none runs (a refused start). */
  profileId: () => string | null;
  /** The public URL that forwards to the callback listener, when one is set. */
  publicUrl: () => string | null;
}

/** The Refunds part of the settings: the current profile's signing key, its JWKS's addresses, rotation. */
export function createRefundKeyHandlers(deps: RefundKeyDeps): RefundKeyHandlers {
  const profile = (): string => {
    const ppid = deps.profileId();
    if (ppid === null)
      throw new ContractFailure('STATION_REFUSED', 'No mode runs: there is no payment profile');
    return ppid;
  };
  const view = (key: MerchantKeyInfo): RefundSigningKeyView => {
    const jwksPath = merchantJwksPath(key.ppid);
    const base = deps.publicUrl()?.replace(/\/+$/, '') ?? null;
    return { ...key, jwksPath, jwksUrl: base === null ? null : `${base}${jwksPath}` };
  };
  return {
    'settings.getRefundSigningKey': async () => view(await deps.keys.ensure(profile())),
    'settings.rotateRefundSigningKey': async () => view(await deps.keys.rotate(profile())),
  };
}

/** The station's merchant keys, in its secret store (the site's on PostgreSQL), for its current profile. */
export function stationRefundKeys(
  config: { secrets: SecretStore; now: () => number; publicUrl: string | null },
  host: { running(): { profileId: string } | null },
  file: { read(): { publicUrl: string | null } },
): { handlers: RefundKeyHandlers; jwks: (ppid: string) => PublicJwks | null; keys: MerchantKeys } {
  const keys = createMerchantKeys(config.secrets, config.now);
  const handlers = createRefundKeyHandlers({
    keys,
    profileId: () => host.running()?.profileId ?? null,
    // The command line's --public-url wins over the stored one, as for the callbacks themselves.
    publicUrl: () => config.publicUrl ?? file.read().publicUrl,
  });
  return { handlers, jwks: (ppid) => keys.jwks(ppid), keys };
}
