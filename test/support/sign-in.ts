import type { MethodName, MethodOutput, Result } from '../../shared/contract';
import type { Role } from '../../shared/domain/roles';
import type { Caller } from '../../electron/core/api/dispatcher';
import type { Credentials } from '../../electron/core/api/credentials';
import type { Station } from '../../electron/core/station';

/** A password that passes the portal's rule, and a PIN: what test people sign in with. */
export const TEST_PASSWORD = 'Kassa-Test-2026!';
export const TEST_PIN = '4321';

/** A person signed in on a device: every call is resolved from the session's token, as a shell would. */
export interface SignedIn {
  staffId: string;
  /** The session's token, as the device's cookie would hold it. */
  token(): string | undefined;
  caller(): Promise<Caller>;
  call<M extends MethodName>(method: M, input: unknown): Promise<Result<MethodOutput<M>>>;
  must<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>>;
}

export interface SignInOptions {
  name?: string;
  /** Who creates the person: an administrator's caller (the station window's training administrator by default). */
  by?: Caller;
  /** The device's credentials other than the session (the station's own window by default). */
  on?: Omit<Credentials, 'sessionToken'>;
}

/**
 * Creates a person with this role through `staff.create` and signs them in through `session.signIn`,
 * keeping the token the way a cookie would. An administrator signing in retires the training one.
 */
export async function signInAs(station: Station, role: Role, options: SignInOptions = {}): Promise<SignedIn> {
  const on: Omit<Credentials, 'sessionToken'> = options.on ?? { channel: 'local-http' };
  const by = options.by ?? (await station.access.callerFor({ channel: 'local-http' }));
  const secret = role === 'cashier' ? TEST_PIN : TEST_PASSWORD;
  const name = options.name ?? `${role} ${Math.random().toString(36).slice(2, 7)}`;
  const created = await station.dispatch('staff.create', { name, locale: 'en', role, secret }, by);
  if (!created.ok) throw new Error(`staff.create failed: ${created.error.code} ${created.error.message}`);
  const staffId = (created.value as { id: string }).id;
  let token: string | undefined;
  const signing = {
    ...(await station.access.callerFor(on)),
    session: { set: (t: string) => (token = t), clear: () => (token = undefined) },
  };
  const signed = await station.dispatch('session.signIn', { staffId, secret }, signing);
  if (!signed.ok) throw new Error(`session.signIn failed: ${signed.error.code} ${signed.error.message}`);
  const caller = (): Promise<Caller> => station.access.callerFor({ ...on, sessionToken: token });
  const call = async <M extends MethodName>(method: M, input: unknown) =>
    station.dispatch(method, input, await caller()) as Promise<Result<MethodOutput<M>>>;
  return {
    staffId,
    token: () => token,
    caller,
    call,
    async must(method, input) {
      const result = await call(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
  };
}
