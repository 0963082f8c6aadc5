import type { Handlers } from '../api/dispatcher';
import { actorOf } from '../ledger/actor';
import type { SaleReturns } from './sale-returns';

export type ReturnsHandlers = Pick<Handlers, 'returns.get' | 'returns.refund' | 'returns.payByIban'>;

/** The returns methods, over the running mode's returns (ready once its pending refunds are picked up). */
export function createReturnsHandlers(returns: () => Promise<SaleReturns>): ReturnsHandlers {
  return {
    'returns.get': async ({ saleId }) => (await returns()).get(saleId),
    'returns.refund': async (input, caller) => (await returns()).refund(input, actorOf(caller)),
    'returns.payByIban': async (input) => (await returns()).payByIban(input),
  };
}
