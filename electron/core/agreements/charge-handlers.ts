import type { Handlers } from '../api/dispatcher';
import type { Db } from '../db/open-database';
import { revokeAgreement, refundCharge } from './charge-actions';
import { readRetryPolicy, writeRetryPolicy } from './charge-retry-policy';
import type { PproRuntime } from './ppro-runtime';

export type ChargeHandlers = Pick<
  Handlers,
  'charges.retryPolicy' | 'charges.setRetryPolicy' | 'agreements.revoke' | 'agreements.refundCharge'
>;

export interface ChargeHandlerDeps {
  /** The running mode's books and PPRO (null: none set up). */
  mode: () => { db: Db; ppro: PproRuntime | null };
  now: () => number;
  /** After a refund was asked: the scheduler follows it to SUCCEEDED. */
  onRefundAsked?: () => void;
}

/** The charges' retry policy, and a manager's revocations and refunds (shared/contract/charge-methods.ts). */
export function createChargeHandlers(deps: ChargeHandlerDeps): ChargeHandlers {
  const actions = () => ({ ...deps.mode(), now: deps.now });
  return {
    'charges.retryPolicy': () => readRetryPolicy(deps.mode().db),
    'charges.setRetryPolicy': (input) => writeRetryPolicy(deps.mode().db, input),
    'agreements.revoke': (input) => revokeAgreement(actions(), input.agreementId),
    'agreements.refundCharge': async (input) => {
      const view = await refundCharge(actions(), input);
      deps.onRefundAsked?.();
      return view;
    },
  };
}
