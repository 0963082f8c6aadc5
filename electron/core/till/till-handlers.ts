import { ContractFailure, type MethodName, type SaleView } from '../../../shared/contract';
import type { Caller, Handlers } from '../api/dispatcher';
import { actorOf } from '../ledger/actor';
import type { SalesRepo } from '../sales/sales-repo';
import type { TillService } from './till-service';

type TillMethodName = Extract<
  MethodName,
  | 'till.startPayment'
  | 'till.retryPayment'
  | 'till.cancelPayment'
  | 'till.cancelSale'
  | 'till.getSale'
  | 'till.getCurrentSale'
  | 'till.listSales'
>;

/** What the till's methods read of the sales: views only, never a write. */
export type SalesReader = Pick<SalesRepo, 'saleView' | 'latestSale' | 'listSales'>;

export interface TillHandlerDeps {
  /** The current mode's till (it changes when the mode does). */
  till: () => Pick<TillService, 'startPayment' | 'retryPayment' | 'cancelPayment' | 'cancelSale'>;
  sales: () => SalesReader;
  now: () => number;
}

/** A sale that ended this long ago no longer shows on the customer display. */
const CURRENT_SALE_LINGER_MS = 30_000;

/** Taking a Bancontact payment, and what the till and the customer display show of sales. */
export function createTillHandlers({ till, sales, now }: TillHandlerDeps): Pick<Handlers, TillMethodName> {
  return {
    'till.startPayment': (input, caller) => till().startPayment(input, actorOf(caller)),
    'till.retryPayment': async ({ saleId }, caller) =>
      till().retryPayment((await ownSale(sales(), saleId, caller)).id, actorOf(caller)),
    'till.cancelPayment': async ({ saleId }, caller) =>
      till().cancelPayment((await ownSale(sales(), saleId, caller)).id),
    'till.cancelSale': async ({ saleId }, caller) =>
      till().cancelSale((await ownSale(sales(), saleId, caller)).id, actorOf(caller)),
    'till.getSale': ({ saleId }, caller) => ownSale(sales(), saleId, caller),
    'till.getCurrentSale': ({ tillId }) => currentSale(sales(), tillId, now()),
    // A device bound to a till sees that till's sales; the station's own window sees every till's.
    'till.listSales': async ({ limit }, caller) =>
      (await sales().listSales(limit)).filter(
        (sale) => !caller.device?.tillId || sale.tillId === caller.device.tillId,
      ),
  };
}

/** A sale named by its id, refused (WRONG_TILL) to a device bound to another till: its till comes from its link. */
async function ownSale(sales: SalesReader, saleId: string, caller: Caller): Promise<SaleView> {
  const found = await sales.saleView(saleId);
  if (!found) throw new ContractFailure('NOT_FOUND', `No sale ${saleId}`);
  const tillId = caller.device?.tillId;
  if (tillId && found.tillId !== tillId)
    throw new ContractFailure('WRONG_TILL', `Sale ${saleId} belongs to ${found.tillId}, not to ${tillId}`);
  return found;
}

/** The sale the customer display shows: the open one, or the last one for a short while after it ended. */
async function currentSale(sales: SalesReader, tillId: string, at: number): Promise<SaleView | null> {
  const latest = await sales.latestSale(tillId);
  if (!latest) return null;
  if (latest.status !== 'open' && at - latest.updatedAt > CURRENT_SALE_LINGER_MS) return null;
  return sales.saleView(latest.id);
}
