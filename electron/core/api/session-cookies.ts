import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Credentials } from './credentials';
import type { CredentialSink } from './dispatcher';

/** The session of the person signed in on this browser. */
export const SESSION_COOKIE = 'kassa_session';
/** The linked device's own credential (seed 001: the device stays linked, people sign in and out). */
export const DEVICE_COOKIE = 'kassa_device';

/** A device credential lasts until it is revoked; the browser keeps it a year past its last renewal. */
const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

export interface CookieRules {
  channel: Credentials['channel'];
  /** HTTPS listeners mark cookies Secure; the loopback listener is plain HTTP on 127.0.0.1. */
  secure: boolean;
}

/** What this request carried: its channel, its cookies and the address it came from. */
export function credentialsOf(c: Context, rules: CookieRules): Credentials {
  return {
    channel: rules.channel,
    sessionToken: getCookie(c, SESSION_COOKIE),
    deviceCredential: rules.channel === 'device-https' ? getCookie(c, DEVICE_COOKIE) : undefined,
    address: remoteAddress(c),
  };
}

/**
 * HttpOnly (no script can read it), SameSite=Strict (no other site's page sends it), Secure on HTTPS,
 * and scoped to the whole origin because the event stream (EventSource sends no headers) needs it too.
 */
export function cookieSinks(
  c: Context,
  rules: CookieRules,
): { session: CredentialSink; deviceCredential: CredentialSink } {
  const options = { httpOnly: true, sameSite: 'Strict' as const, secure: rules.secure, path: '/' };
  return {
    session: {
      set: (token) => setCookie(c, SESSION_COOKIE, token, options),
      clear: () => deleteCookie(c, SESSION_COOKIE, options),
    },
    deviceCredential: {
      set: (credential) =>
        setCookie(c, DEVICE_COOKIE, credential, { ...options, maxAge: DEVICE_COOKIE_MAX_AGE_S }),
      clear: () => deleteCookie(c, DEVICE_COOKIE, options),
    },
  };
}

function remoteAddress(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}
