import type { Context, MiddlewareHandler } from 'hono';
import { isMethodName, methods } from '../../../shared/contract';
import { allows, type Permission } from '../../../shared/domain/roles';
import type { Caller } from './dispatcher';
import { cookieSinks, credentialsOf, type CookieRules } from './session-cookies';
import type { StationPort } from './station-port';

/**
 * The caller of this request, from its own cookies, with sinks that turn new secrets into cookies. A
 * public or signedIn method (the status, the session, the current sale) is a passive call.
 */
export async function callerOf(
  c: Context,
  station: StationPort,
  rules: CookieRules,
  method?: string,
): Promise<Caller> {
  const permission = method && isMethodName(method) ? methods[method].permission : null;
  const passive = permission === 'public' || permission === 'signedIn';
  const caller = await station.access.callerFor({ ...credentialsOf(c, rules), passive });
  return { ...caller, ...cookieSinks(c, rules) };
}

/**
 * Downloads carry what the methods that made them do (refund files hold payers' full IBANs): the same
 * permission as the method, checked from the request's own session.
 */
export function requirePermission(
  station: StationPort,
  rules: CookieRules,
  permission: Permission,
): MiddlewareHandler {
  return async (c, next) => {
    const caller = await callerOf(c, station, rules);
    if (!allows(caller.rights, permission)) {
      const code = caller.deviceRevoked
        ? 'DEVICE_REVOKED'
        : caller.rights.session === 'none'
          ? 'NOT_SIGNED_IN'
          : 'FORBIDDEN';
      return c.json(
        { ok: false, error: { code, message: `This download needs the ${permission} permission` } },
        code === 'FORBIDDEN' ? 403 : 401,
      );
    }
    await next();
  };
}
