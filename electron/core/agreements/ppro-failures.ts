import { ContractFailure } from '../../../shared/contract/errors';
import { chargeIdempotencyKey } from '../../../shared/domain/recurring-plans';
import { PproClientError, type CreateAgreementRequest } from '../ppro';
import type { AgreementRow } from './till-agreement-rows';

/** PPRO's failures as the till's codes (translated there); PPRO's message is kept for the log and the view. */
export function pproFailure(error: unknown, maxCents: number | null): ContractFailure {
  if (error instanceof ContractFailure) return error;
  if (!(error instanceof PproClientError))
    return new ContractFailure('INTERNAL', error instanceof Error ? error.message : String(error));
  const said = error.failureMessage ?? error.message;
  switch (error.kind) {
    case 'above_maximum':
      return new ContractFailure(
        'PPRO_ABOVE_MAXIMUM',
        `Above the merchant's maximum for recurring payments: ${said}`,
        maxCents === null ? {} : { maxCents },
      );
    case 'unauthorised':
      return new ContractFailure('PPRO_UNAUTHORIZED', `PPRO refused the API key: ${said}`);
    case 'refused':
    case 'agreement_not_active':
      return new ContractFailure('PPRO_REFUSED', `PPRO refused: ${said}`, {
        ...(error.failureType ? { apiCode: error.failureType } : {}),
        ...(error.fieldErrors.length > 0 ? { fields: error.fieldErrors.map((f) => f.field) } : {}),
      });
    default:
      return new ContractFailure('PPRO_UNAVAILABLE', `PPRO could not be reached: ${said}`);
  }
}

export function pproNotSetUp(): ContractFailure {
  return new ContractFailure(
    'PPRO_NOT_SET_UP',
    'Recurring payments need PPRO settings: an administrator sets them in Settings',
  );
}

export function isAboveMaximum(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { kind?: string }).kind === 'above_maximum';
}

/** Seed 004's request: the first charge paid at the till, what later charges take, Kassa's ids. */
export function agreementRequest(
  row: AgreementRow,
  firstCents: number,
  webhooksUrl: string | null,
): CreateAgreementRequest {
  const first = { value: firstCents, currency: 'EUR' as const };
  return {
    paymentMethod: 'BANCONTACT',
    consumer: {
      name: row.consumerName,
      country: 'BE',
      ...(row.consumerEmail ? { email: row.consumerEmail } : {}),
    },
    initialPaymentCharge: {
      amount: first,
      merchantPaymentChargeReference: chargeIdempotencyKey(row.id, 0),
    },
    amount: { value: row.amountCents, currency: 'EUR' },
    // An automatic top-up's charges are at most its amount; a plan's are exactly its price.
    amountType: row.kind === 'auto_topup' ? 'MAXIMUM' : 'EXACT',
    description: row.description,
    merchantPaymentAgreementReference: row.id,
    ...(webhooksUrl ? { webhooksUrl } : {}),
  };
}
