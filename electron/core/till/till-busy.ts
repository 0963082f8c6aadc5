import { ContractFailure } from '../../../shared/contract';

/**
 * One open Bancontact payment per till: a second tender (cash, wristband) or a second QR while one
 * is open would let the customer pay twice. Every tender refuses the same way.
 */
export function tillBusy(): ContractFailure {
  return new ContractFailure(
    'PAYMENT_OPEN',
    'This till still has an open payment: cancel it or let it finish first',
  );
}
