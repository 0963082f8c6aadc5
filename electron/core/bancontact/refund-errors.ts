import { ContractFailure, type ErrorCode } from '../../../shared/contract';
import { toContractFailure } from './contract-errors';
import { BancontactError } from './errors';

/**
 * What a refused Refund API call means for the person refunding, as a contract code:
 * - 403 (ACCESS_DENIED; the issue's `REFUND_NOT_…` family): the Refund API is not enabled for this
 *   merchant, and 422 REFUND_NOT_POSSIBLE: Bancontact cannot pay it back now (no funds in the ongoing
 *   payout). Either way the money goes back by bank transfer: REFUND_BY_IBAN, for the screen to offer
 *   the payer's refund IBAN and a SEPA file.
 * - 401: Bancontact did not accept the station's signature: its JWKS was not handed over, or is old.
 * - 422 INVALID_REFUND_AMOUNT: more than what is left of the payment.
 * - 422 REFUND_REQUEST_CONFLICT: this Idempotency-Key already made a refund with other parameters.
 * - 422 PAYMENT_FOR_REFUND_NOT_FOUND / REFUND_NOT_ALLOWED: no such payment, or one that did not succeed.
 * Anything else (timeouts, 5xx) keeps the Bancontact codes every payment call answers.
 */
export function toRefundFailure(error: unknown): ContractFailure {
  const general = toContractFailure(error);
  if (!(error instanceof BancontactError) || error.kind !== 'api') return general;
  const code = refundCode(error.status, error.code);
  return code === undefined ? general : new ContractFailure(code, error.message, general.extra);
}

const BY_API_CODE: Record<string, ErrorCode> = {
  REFUND_NOT_POSSIBLE: 'REFUND_BY_IBAN',
  INVALID_REFUND_AMOUNT: 'REFUND_AMOUNT_TOO_HIGH',
  REFUND_REQUEST_CONFLICT: 'REFUND_REQUEST_CONFLICT',
  PAYMENT_FOR_REFUND_NOT_FOUND: 'PAYMENT_NOT_REFUNDABLE',
  REFUND_NOT_ALLOWED: 'PAYMENT_NOT_REFUNDABLE',
};

function refundCode(status: number | null, apiCode: string | null): ErrorCode | undefined {
  if (status === 403) return 'REFUND_BY_IBAN';
  if (status === 401) return 'REFUND_SIGNATURE_REFUSED';
  return apiCode === null ? undefined : BY_API_CODE[apiCode];
}
