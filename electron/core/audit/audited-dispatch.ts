import { isMethodName, methods, type ErrorCode, type Result } from '../../../shared/contract';
import type { Caller, Dispatch } from '../api/dispatcher';
import { silentLogger, type Logger } from '../logging/logger';
import type { AuditEntryInput } from './audit-entry';
import type { AuditLog } from './audit-log';
import { AUDITED_METHODS } from './audited-methods';
import { withoutSecrets } from './secret-fields';

/** Refusals of who is calling rather than of what they asked: counted for every method. */
const ACCESS_REFUSALS: ReadonlySet<ErrorCode> = new Set([
  'FORBIDDEN',
  'NOT_SIGNED_IN',
  'DEVICE_REVOKED',
  'WRONG_TILL',
]);

/** A rule seen from outside its method's types: the table is checked where it is written. */
interface AnyRule {
  subject?: (input: unknown, output: unknown) => string | null;
  detail?: (output: unknown) => Record<string, unknown>;
}

/**
 * The dispatcher with the audit log around it: every call of an audited method is written, done or
 * refused, and every access refusal of any method is counted per caller and minute. Writing the log
 * never changes the answer: a failure to write is logged and the caller still gets what happened.
 */
export function auditedDispatch(dispatch: Dispatch, log: AuditLog, logger: Logger = silentLogger): Dispatch {
  return async (method, input, caller) => {
    const result = await dispatch(method, input, caller);
    try {
      await audit(log, method, input, caller, result);
    } catch (error) {
      logger.error(`audit entry for ${method} not written`, error);
    }
    return result;
  };
}

/** A linked device's id, else the address, else the channel: who a run of refusals is counted against. */
export function callerKey(caller: Caller): string {
  return caller.device?.id ?? caller.address ?? caller.channel;
}

async function audit(
  log: AuditLog,
  method: string,
  input: unknown,
  caller: Caller,
  result: Result<unknown>,
): Promise<void> {
  const rule = isMethodName(method) ? (AUDITED_METHODS[method] as AnyRule | undefined) : undefined;
  if (result.ok) {
    if (rule) await log.record(entry(method, input, caller, result, rule));
    return;
  }
  if (rule || ACCESS_REFUSALS.has(result.error.code))
    await log.refused(entry(method, input, caller, result, rule), callerKey(caller));
}

function entry(
  method: string,
  input: unknown,
  caller: Caller,
  result: Result<unknown>,
  rule: AnyRule | undefined,
): AuditEntryInput {
  const recorded = { input: withoutSecrets(input ?? {}) };
  const detail = result.ok
    ? { ...recorded, ...rule?.detail?.(result.value) }
    : {
        ...recorded,
        error: result.error.code,
        ...(result.error.fields ? { fields: result.error.fields } : {}),
      };
  return {
    action: method,
    outcome: result.ok ? 'ok' : 'refused',
    staff: caller.staff ? { id: caller.staff.id, name: caller.staff.name } : null,
    device: caller.device ? { id: caller.device.id, name: caller.device.name } : null,
    subject: subjectOf(method, input, result, rule),
    detail,
  };
}

/** From the answer when there is one; a refused call's input is read only if it is valid. */
function subjectOf(method: string, input: unknown, result: Result<unknown>, rule: AnyRule | undefined) {
  if (!rule?.subject || !isMethodName(method)) return null;
  const parsed = methods[method].input.safeParse(input ?? {});
  if (!parsed.success) return null;
  return rule.subject(parsed.data, result.ok ? result.value : undefined);
}
