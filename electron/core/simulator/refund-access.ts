import { Hono } from 'hono';
import { z } from 'zod';
import { SimError } from './errors';
import type { MerchantJwks, ProfileRegistry, SimProfile } from './profiles';
import { parseRequest, readJsonBody } from './request-body';

/**
 * What Bancontact's onboarding decides per merchant profile, changeable while the simulator runs:
 * whether the Refund API is enabled, and which JWKS the merchant handed over for its signed requests.
 * A profile's own `merchantJwks` (profiles file) is the starting point; the control API replaces it.
 */
export interface RefundAccess {
  /** The profiles as the verifier must see them: with the JWKS handed over since the start. */
  profiles: ProfileRegistry;
  /** Throws the answer Bancontact gives a merchant whose Refund API is not enabled. */
  assertEnabled(profile: SimProfile): void;
  setJwks(ppid: string, jwks: MerchantJwks): void;
  setEnabled(ppid: string, enabled: boolean): void;
}

export function createRefundAccess(base: ProfileRegistry): RefundAccess {
  const handed = new Map<string, MerchantJwks>();
  const disabled = new Set<string>();
  const withJwks = (profile: SimProfile | undefined): SimProfile | undefined => {
    const jwks = profile && handed.get(profile.ppid);
    return jwks === undefined ? profile : { ...profile!, merchantJwks: jwks };
  };
  const known = (ppid: string): string => {
    const profile = base.byPpid(ppid);
    if (profile === undefined) throw new SimError(404, 'PROFILE_NOT_FOUND', `No profile ${ppid}`);
    return profile.ppid;
  };
  return {
    profiles: {
      list: () => base.list().map((p) => withJwks(p)!),
      byApiKey: (apiKey) => withJwks(base.byApiKey(apiKey)),
      byPpid: (ppid) => withJwks(base.byPpid(ppid)),
    },
    assertEnabled(profile) {
      // The spec declares 403 ACCESS_DENIED for createRefund; the message says which kind of denial.
      if (disabled.has(profile.ppid))
        throw new SimError(403, 'ACCESS_DENIED', 'The Refund API is not enabled for this merchant');
    },
    setJwks: (ppid, jwks) => void handed.set(known(ppid), jwks),
    setEnabled: (ppid, enabled) => void (enabled ? disabled.delete(known(ppid)) : disabled.add(known(ppid))),
  };
}

const jwksBody = z.object({
  keys: z.array(z.looseObject({ kty: z.string(), kid: z.string().optional() })).min(1),
});
const enabledBody = z.object({ enabled: z.boolean() });

/**
 * `PUT /_sim/profiles/<ppid>/merchant-jwks` (a JWKS object, as the file a merchant hands to Bancontact)
 * and `PUT /_sim/profiles/<ppid>/refund-api` `{ enabled }`. Control API only: no Bancontact counterpart.
 */
export function refundAccessRoutes(access: RefundAccess): Hono {
  const routes = new Hono();
  routes.put('/:ppid/merchant-jwks', async (c) => {
    const jwks = parseRequest(jwksBody, await readJsonBody(c));
    if (jwks.keys.some((key) => 'd' in key)) {
      throw new SimError(400, 'FIELD_IS_INVALID', 'A JWKS handed to Bancontact holds public keys only');
    }
    access.setJwks(c.req.param('ppid'), jwks);
    return c.json({ ppid: c.req.param('ppid'), keys: jwks.keys.length });
  });
  routes.put('/:ppid/refund-api', async (c) => {
    const { enabled } = parseRequest(enabledBody, await readJsonBody(c));
    access.setEnabled(c.req.param('ppid'), enabled);
    return c.json({ ppid: c.req.param('ppid'), enabled });
  });
  return routes;
}
