import type { z } from 'zod';

import type { Permission } from '../domain/roles';

/** What a caller must be allowed to do before a method runs: see shared/domain/roles.ts. */
export type { Permission };

/** One contract method: who may call it, what it takes (validated) and what it answers (a type only). */
export interface MethodSpec {
  permission: Permission;
  input: z.ZodType;
  output: OutputMarker<unknown>;
  /**
   * The largest input, in bytes of its JSON, that the method takes; both shells refuse a bigger one
   * with PAYLOAD_TOO_LARGE before parsing it. Absent: `DEFAULT_MAX_INPUT_BYTES`. Only the few methods
   * that carry an upload (a logo, a long list) set it, so a forgotten field can never open the door wide.
   */
  maxInputBytes?: number;
}

/**
 * Every input today is a handful of ids, amounts and short texts (the largest, a wristband payload or a
 * public URL, is about 2 KB as JSON); 16 KiB holds eight times that and keeps a flood of requests cheap.
 */
export const DEFAULT_MAX_INPUT_BYTES = 16 * 1024;

/** Carries an output type through `methods` without any runtime value. */
export interface OutputMarker<T> {
  readonly __output?: T;
}

export function out<T>(): OutputMarker<T> {
  return {};
}
