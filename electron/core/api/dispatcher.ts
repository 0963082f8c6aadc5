import {
  ContractFailure,
  isMethodName,
  methods,
  type ContractError,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type Permission,
  type Result,
} from '../../../shared/contract';
import type { Logger } from '../logger';
import { oversizedInput } from './input-size';

/** Who is calling: the desktop window, a browser on this machine, later a PIN session or linked device. */
export interface Caller {
  kind: 'desktop' | 'local-http';
  permissions: ReadonlySet<Permission>;
}

export const ALL_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(['view', 'sell', 'manage']);

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
    if (!caller.permissions.has(spec.permission)) {
      return failure({ code: 'FORBIDDEN', message: `${method} needs the ${spec.permission} permission` });
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(input)'))];
      // Each field with zod's reason ("the end date is before the start date"), so the message says what to fix.
      const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`);
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

function failure(error: ContractError): Result<never> {
  return { ok: false, error };
}
