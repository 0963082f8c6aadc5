import { SimError, fieldRequired } from './errors';
import type { TemplateParams } from './payload';
import type { TopupAmountMode } from './profiles';

/** Template codes carry at most 999 999 cents, a lower cap than the API's. */
export const MAX_TEMPLATE_AMOUNT = 999_999;

export interface TemplateContent {
  description?: string;
  reference?: string;
  /** The amount printed in the code (A), if any. */
  amount?: number;
}

const payloadInvalid = (why: string) => new SimError(400, 'PAYLOAD_INVALID', `Template code: ${why}`);

/** Checks D ≤ 35, R ≤ 35 and A a whole number 1…999 999, as the Top Up guide defines them. */
export function readTemplate(params: TemplateParams): TemplateContent {
  const content: TemplateContent = {};
  if (params.D !== undefined) {
    if (params.D.length > 35) throw payloadInvalid('D must be at most 35 characters');
    if (params.D !== '') content.description = params.D;
  }
  if (params.R !== undefined) {
    if (params.R.length > 35) throw payloadInvalid('R must be at most 35 characters');
    if (params.R !== '') content.reference = params.R;
  }
  if (params.A !== undefined) {
    const amount = /^\d{1,6}$/.test(params.A) ? Number(params.A) : NaN;
    if (!(amount >= 1 && amount <= MAX_TEMPLATE_AMOUNT))
      throw payloadInvalid('A must be a whole number of cents, 1 to 999999');
    content.amount = amount;
  }
  return content;
}

/**
 * The amount a top-up payment is for. Open codes: the payer types it (the code's A is ignored).
 * Modifiable: the code's A unless the payer changes it (and the payer must give one when there is no A).
 * Fixed: the code's A, which the payer may repeat but not change.
 */
export function topupAmount(
  mode: TopupAmountMode,
  printed: number | undefined,
  payer: number | undefined,
): number {
  if (mode === 'fixed') {
    if (printed === undefined) throw payloadInvalid('a fixed-amount code must carry A');
    if (payer !== undefined && payer !== printed) {
      throw new SimError(422, 'AMOUNT_NOT_MODIFIABLE', `This code's amount is fixed at ${printed} cents`);
    }
    return printed;
  }
  const amount = mode === 'modifiable' ? (payer ?? printed) : payer;
  if (amount === undefined) throw fieldRequired('amount');
  return amount;
}
