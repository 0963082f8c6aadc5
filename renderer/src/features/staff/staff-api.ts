import type { z } from 'zod';
import type { OutputMarker, Result } from '../../../../shared/contract';
import type { sessionMethods } from '../../../../shared/contract/session-methods';
import type { staffMethods } from '../../../../shared/contract/staff-methods';
import { call } from '../../api/client';

export type {
  IdleLockView,
  SessionView,
  SignInPersonView as SessionPerson,
  StaffView,
} from '../../../../shared/contract/staff-views';

/*
 * The session and staff slices of the contract. Until the station's work merges them into `methods`,
 * `call` does not know their names, so they are typed from the slices here and go through one cast.
 */
type Slices = typeof sessionMethods & typeof staffMethods;
export type StaffMethod = keyof Slices;
type Input<M extends StaffMethod> = z.input<Slices[M]['input']>;
type Output<M extends StaffMethod> = Slices[M]['output'] extends OutputMarker<infer T> ? T : never;

export async function staffCall<M extends StaffMethod>(
  method: M,
  input: Input<M>,
): Promise<Result<Output<M>>> {
  const untyped = call as unknown as (name: string, input: unknown) => Promise<Result<unknown>>;
  return (await untyped(method, input)) as Result<Output<M>>;
}
