import {
  ContractFailure,
  isMethodName,
  methods,
  type ContractError,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type Result,
} from '../../../shared/contract';
import {
  allows,
  type CallerRights,
  type DeviceKind,
  type DeviceRights,
  type Role,
} from '../../../shared/domain/roles';
import type { Logger } from '../logging/logger';
import { oversizedInput } from './input-size';

/** The person signed in on the calling device, as attribution and the audit log name them. */
export interface CallerStaff {
  id: string;
  name: string;
  role: Role;
}

/** The device a call comes from: the station's own window, a linked till, bar or customer display. */
export interface CallerDevice {
  id: string;
  name: string;
  kind: DeviceKind;
  rights: DeviceRights;
  /** The till this device sells at (or displays); null for the station's own window. */
  tillId: string | null;
}

/**
 * Who is calling, as the shell established it from the call's session (never from the window it runs
 * in): the channel it came in on, the rights of its session and device, and who they are.
 */
export interface Caller {
  channel: 'desktop' | 'local-http' | 'device-https';
  rights: CallerRights;
  staff: CallerStaff | null;
  device: CallerDevice | null;
  /** The session's id (never its token), so that signing out ends exactly it. */
  sessionId: string | null;
  /** The remote address, for the device list and the audit log. */
  address?: string;
  /** Set when the call carried a device credential that no longer works: every non-public call says so. */
  deviceRevoked?: boolean;
  /**
   * Where a handler puts a new session token or device credential: the shell turns it into an HttpOnly
   * cookie (HTTP) or keeps it for the window (IPC). A token never travels in a method's answer.
   */
  session?: CredentialSink;
  deviceCredential?: CredentialSink;
}

export interface CredentialSink {
  set(secret: string): void;
  clear(): void;
}

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>, caller: Caller) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

export type Dispatch = (method: string, input: unknown, caller: Caller) => Promise<Result<unknown>>;

/** Turns what a handler threw into a contract failure (a full disk into DISK_FULL); null: not its kind. */
export type ErrorTranslator = (error: unknown, method: string) => ContractFailure | null;

/** The one gate every call passes: known method, allowed caller, valid input, then the handler. */
export function createDispatcher(handlers: Handlers, logger: Logger, translate?: ErrorTranslator): Dispatch {
  return async (method, input, caller) => {
    if (!isMethodName(method))
      return failure({ code: 'UNKNOWN_METHOD', message: `Unknown method: ${method}` });
    // Before anything looks inside: IPC and HTTP refuse the same oversized input the same way.
    const oversized = oversizedInput(method, input);
    if (oversized) return failure(oversized);
    const spec = methods[method];
    if (!allows(caller.rights, spec.permission)) return refusal(method, spec.permission, caller);
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(input)'))];
      // Each field with zod's reason ("the end date is before the start date"), so the message says what to fix.
      const reasons = parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`,
      );
      return failure({
        code: 'INVALID_INPUT',
        message: `Invalid input for ${method}: ${reasons.join('; ')}`,
        fields,
      });
    }
    try {
      const handler = handlers[method] as (input: unknown, caller: Caller) => unknown;
      return { ok: true, value: await handler(parsed.data, caller) };
    } catch (error) {
      if (error instanceof ContractFailure) return failure(error.toError());
      // Storage trouble is logged where it is recognised (once per episode), not once per call.
      const translated = translate?.(error, method);
      if (translated) return failure(translated.toError());
      logger.error(`${method} failed`, error);
      return failure({ code: 'INTERNAL', message: 'Internal error in the station' });
    }
  };
}

/** No session at all: sign in first; a session without the right: forbidden. */
function refusal(method: string, permission: string, caller: Caller): Result<never> {
  if (caller.deviceRevoked)
    return failure({ code: 'DEVICE_REVOKED', message: 'This device is no longer linked to the station' });
  if (caller.rights.session === 'none')
    return failure({ code: 'NOT_SIGNED_IN', message: `${method} needs a signed-in session` });
  return failure({ code: 'FORBIDDEN', message: `${method} needs the ${permission} permission` });
}

function failure(error: ContractError): Result<never> {
  return { ok: false, error };
}

/**
 * The station's own window with its built-in training administrator. Until sessions are established
 * by the shells, the loopback listener and the desktop window call as this.
 */
export function stationWindowCaller(channel: 'desktop' | 'local-http'): Caller {
  const device: CallerDevice = {
    id: 'station',
    name: 'Station',
    kind: 'station',
    rights: 'manager',
    tillId: null,
  };
  const staff: CallerStaff = {
    id: 'training-administrator',
    name: 'Training administrator',
    role: 'administrator',
  };
  return {
    channel,
    rights: { session: 'staff', role: staff.role, deviceRights: device.rights, deviceKind: device.kind },
    staff,
    device,
    sessionId: null,
  };
}
