import type { z } from 'zod';

/** What a caller must be allowed to do before a method runs. */
export type Permission = 'view' | 'sell' | 'manage';

/** One contract method: who may call it, what it takes (validated) and what it answers (a type only). */
export interface MethodSpec {
  permission: Permission;
  input: z.ZodType;
  output: OutputMarker<unknown>;
}

/** Carries an output type through `methods` without any runtime value. */
export interface OutputMarker<T> {
  readonly __output?: T;
}

export function out<T>(): OutputMarker<T> {
  return {};
}
