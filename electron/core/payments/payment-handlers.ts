import type { MethodName, RejectedCallbackGroupView } from '../../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import type { SalesRepo } from '../sales/sales-repo';

type PaymentMethodName = Extract<MethodName, 'payments.getTimeline' | 'payments.listRejectedCallbacks'>;

export interface PaymentHandlerDeps {
  /** The current mode's payment histories. */
  timelines: () => Pick<SalesRepo, 'timeline'>;
  /** The current mode's refused callbacks, grouped (payments/rejected-callbacks.ts). */
  rejectedCallbacks: (limit: number) => Promise<RejectedCallbackGroupView[]>;
}

/** A payment's history, and the callbacks the station refused (a manager's diagnosis tools). */
export function createPaymentHandlers(deps: PaymentHandlerDeps): Pick<Handlers, PaymentMethodName> {
  return {
    'payments.getTimeline': ({ paymentId }) => deps.timelines().timeline(paymentId),
    'payments.listRejectedCallbacks': ({ limit }) => deps.rejectedCallbacks(limit),
  };
}
