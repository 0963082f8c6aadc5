import type { CallbackRejection } from './callback-verifier';

/** The five private claims Bancontact puts in every callback's protected header, all critical. */
export const CLAIM = {
  iat: 'https://payconiq.com/iat',
  jti: 'https://payconiq.com/jti',
  path: 'https://payconiq.com/path',
  iss: 'https://payconiq.com/iss',
  sub: 'https://payconiq.com/sub',
} as const;

export const CRIT_CLAIMS: readonly string[] = Object.values(CLAIM);

/** The `crit` option for jose: these extensions are understood, and must be integrity protected. */
export const CRIT_OPTION: Record<string, boolean> = Object.fromEntries(CRIT_CLAIMS.map((c) => [c, true]));

export interface ClaimExpectations {
  ppid: string;
  callbackUrl: URL;
}

export interface CheckedClaims {
  kid: string;
  jti: string;
  iat: string;
}

export type ClaimCheck =
  { ok: true; claims: CheckedClaims } | { ok: false; reason: CallbackRejection; detail: string };

function reject(reason: CallbackRejection, detail: string): ClaimCheck {
  return { ok: false, reason, detail };
}

/**
 * 3, 6 or 9 fraction digits (nanoseconds appeared for a week in August 2023), always UTC `Z`. No age
 * limit: Bancontact retries a callback byte-identically, original iat included, for 24 h.
 */
const IAT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})(?:\d{3}){0,2}Z$/;

export function isValidIat(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = IAT.exec(value);
  if (match === null || match[1] === undefined) return false;
  const ms = Date.parse(`${match[1]}Z`);
  // Date.parse rolls 2026-02-30 over to March; a real timestamp survives the round trip unchanged.
  return !Number.isNaN(ms) && new Date(ms).toISOString() === `${match[1]}Z`;
}

function withoutTrailingSlash(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
}

const WEB_SCHEMES = new Set(['http:', 'https:']);

/**
 * `path` is the full callback URL Bancontact called. It must name the same endpoint as the URL
 * configured for this profile: same host and port, same path up to one trailing slash, same query.
 * http and https are treated as the same endpoint: the claim binds a callback to an endpoint, and
 * the two schemes on one host and path reach the same endpoint, so a merchant who registered the
 * other scheme (behind a TLS-terminating proxy) keeps working; any other difference is a replay
 * aimed at another endpoint.
 */
export function isSameCallbackUrl(claimed: unknown, configured: URL): boolean {
  if (typeof claimed !== 'string' || !URL.canParse(claimed)) return false;
  const url = new URL(claimed);
  if (!WEB_SCHEMES.has(url.protocol) || !WEB_SCHEMES.has(configured.protocol)) return false;
  return (
    url.host === configured.host &&
    url.username === configured.username &&
    url.password === configured.password &&
    withoutTrailingSlash(url.pathname) === withoutTrailingSlash(configured.pathname) &&
    url.search === configured.search &&
    url.hash === configured.hash
  );
}

/** Same set of names, no duplicates, no extras: anything else changes which claims are binding. */
function isExactCrit(crit: unknown): boolean {
  if (!Array.isArray(crit) || crit.length !== CRIT_CLAIMS.length) return false;
  const names = new Set<unknown>(crit);
  return names.size === CRIT_CLAIMS.length && CRIT_CLAIMS.every((name) => names.has(name));
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** Algorithm and crit come first: a header that fails them is not a Bancontact header at all. */
function checkStructure(header: Record<string, unknown>): ClaimCheck | undefined {
  if (header.alg !== 'ES256') return reject('WRONG_ALGORITHM', 'alg must be ES256');
  if (!isExactCrit(header.crit))
    return reject('WRONG_CRIT', 'crit must list exactly the five payconiq claims');
  return undefined;
}

/**
 * Checks the protected header before any key is fetched, in the order of the reference's
 * validation steps; only the signature check (later) makes these values trustworthy.
 */
export function checkClaims(header: Record<string, unknown>, expected: ClaimExpectations): ClaimCheck {
  const structural = checkStructure(header);
  if (structural !== undefined) return structural;
  const iss = header[CLAIM.iss];
  if (typeof iss !== 'string' || iss.toLowerCase() !== 'payconiq')
    return reject('WRONG_ISSUER', 'iss is not Payconiq');
  if (header[CLAIM.sub] !== expected.ppid) return reject('WRONG_SUBJECT', "sub is not this profile's PPID");
  if (!isSameCallbackUrl(header[CLAIM.path], expected.callbackUrl)) {
    return reject('WRONG_PATH', "path is not this profile's callback URL");
  }
  const iat = header[CLAIM.iat];
  if (!isValidIat(iat)) return reject('BAD_IAT', 'iat is not a UTC timestamp with 3, 6 or 9 fraction digits');
  const jti = header[CLAIM.jti];
  if (!nonEmptyString(jti)) return reject('MISSING_JTI', 'jti is missing');
  const kid = header.kid;
  if (!nonEmptyString(kid)) return reject('UNKNOWN_KEY', 'the header names no kid');
  return { ok: true, claims: { kid, jti, iat } };
}
