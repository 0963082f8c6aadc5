import { z } from 'zod';
import { ContractFailure, isMethodName, methods } from '../../../shared/contract';

/** What the till rule needs to know of the calling device. */
export interface TillBoundDevice {
  id: string;
  tillId: string | null;
}

/**
 * A device's till comes from its link, never from what it sends: a device bound to a till fills a
 * missing `tillId` with its own and is refused (WRONG_TILL) when it names another. The station's own
 * window (no till) may name any till. Run on the raw input, before validation fills the default till.
 * `takesTillId` false (the method has no `tillId` field) leaves the input alone.
 */
export function tillForCall(device: TillBoundDevice | null, input: unknown, takesTillId = true): unknown {
  if (!takesTillId || device === null || device.tillId === null) return input;
  const given = input ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) return input;
  const named = (given as { tillId?: unknown }).tillId;
  if (named === undefined) return { ...given, tillId: device.tillId };
  if (named === device.tillId) return given;
  throw new ContractFailure(
    'WRONG_TILL',
    `Device ${device.id} sells at ${device.tillId}, not at ${typeof named === 'string' ? named : 'that till'}`,
  );
}

/**
 * True when the method acts at one till: its input has a `tillId` that is required or defaults to the
 * station's till (paying, drawers). An optional `tillId` is a filter (the transactions list), which a
 * manager's till may set to look at another till's sales.
 */
export function methodTakesTillId(method: string): boolean {
  if (!isMethodName(method)) return false;
  const input: z.ZodType = methods[method].input;
  if (!(input instanceof z.ZodObject)) return false;
  const field: unknown = input.shape['tillId'];
  return field instanceof z.ZodType && !(field instanceof z.ZodOptional);
}
