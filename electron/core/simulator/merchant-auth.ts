import { createMiddleware } from 'hono/factory';
import { SimError } from './errors';
import { applyRequestFaults } from './faults/request-faults';
import type { SimProfile } from './profiles';
import type { RouteDeps } from './route-deps';

export type MerchantEnv = { Variables: { profile: SimProfile } };

// The scheme is case-insensitive (RFC 9110); the key is one token with no spaces.
const BEARER = /^Bearer +(\S+) *$/i;

function bearerProfile(deps: RouteDeps, authorization: string | undefined): SimProfile {
  const apiKey = BEARER.exec(authorization ?? '')?.[1];
  if (apiKey === undefined)
    throw new SimError(401, 'UNAUTHORIZED', 'Missing or malformed Authorization: Bearer header');
  const profile = deps.profiles.byApiKey(apiKey);
  // The message never repeats the key: a real key sent to the simulator by mistake must not be echoed.
  if (profile === undefined)
    throw new SimError(403, 'ACCESS_DENIED', 'The API key is not valid for any profile');
  return profile;
}

/**
 * Payment API authentication: the Bearer API key (401 when missing, 403 when it is no profile's), or,
 * as the spec allows and `paymentAuth` permits, a JWS `Signature` without an Authorization header. Then
 * the profile's request faults, so only authenticated calls see them.
 */
export function merchantAuth(deps: RouteDeps) {
  return createMiddleware<MerchantEnv>(async (c, next) => {
    const authorization = c.req.header('authorization');
    const signature = c.req.header('signature');
    let profile: SimProfile;
    if (
      authorization === undefined &&
      signature !== undefined &&
      deps.settings.get().paymentAuth === 'api-key-or-jws'
    ) {
      const check = await deps.verifyMerchant(signature, await c.req.text(), c.req.path);
      if (!check.ok) throw new SimError(check.status, check.code, check.message);
      profile = check.profile;
    } else {
      profile = bearerProfile(deps, authorization);
    }
    c.set('profile', profile);
    await applyRequestFaults(deps.faults, deps.hangs, profile.ppid, c.req.raw.signal);
    await next();
  });
}
