import { PproError, type FieldError } from './errors';
import type { Charge, Money } from './types';

/** Pure rules of the PPRO simulator: field validation, the WIP maximum and split payments. */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function money(value: unknown, field: string, errors: FieldError[]): void {
  if (!isObject(value)) {
    errors.push({ field, message: 'is required' });
    return;
  }
  if (!Number.isInteger(value.value) || (value.value as number) <= 0)
    errors.push({ field: `${field}.value`, message: 'must be a whole number of cents above 0' });
  if (value.currency !== 'EUR') errors.push({ field: `${field}.currency`, message: 'must be EUR' });
}

function consumer(value: unknown, errors: FieldError[]): void {
  if (!isObject(value)) {
    errors.push({ field: 'consumer', message: 'is required' });
    return;
  }
  if (typeof value.name !== 'string' || value.name.trim() === '')
    errors.push({ field: 'consumer.name', message: 'is required' });
  if (typeof value.country !== 'string' || !/^[A-Z]{2}$/.test(value.country))
    errors.push({ field: 'consumer.country', message: 'must be an ISO 3166-1 alpha-2 country code' });
  if (
    value.email !== undefined &&
    (typeof value.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(value.email))
  )
    errors.push({ field: 'consumer.email', message: 'must be an e-mail address' });
}

function authenticationSettings(value: unknown, errors: FieldError[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    errors.push({ field: 'authenticationSettings', message: 'must be a list' });
    return;
  }
  value.forEach((entry: unknown, index) => {
    const field = `authenticationSettings[${index}]`;
    if (!isObject(entry) || !['REDIRECT', 'SCAN_CODE', 'APP_INTENT'].includes(entry.type as string)) {
      errors.push({ field: `${field}.type`, message: 'must be REDIRECT, SCAN_CODE or APP_INTENT' });
      return;
    }
    const settings = isObject(entry.settings) ? entry.settings : {};
    if (entry.type === 'REDIRECT' && !isUrl(settings.returnUrl))
      errors.push({ field: `${field}.settings.returnUrl`, message: 'is required for REDIRECT' });
  });
}

export function isUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function optionalFields(body: Json, errors: FieldError[]): void {
  if (body.amount !== undefined) money(body.amount, 'amount', errors);
  if (body.amountType !== undefined && !['EXACT', 'MAXIMUM'].includes(body.amountType as string))
    errors.push({ field: 'amountType', message: 'must be EXACT or MAXIMUM' });
  if (body.webhooksUrl !== undefined && !isUrl(body.webhooksUrl))
    errors.push({ field: 'webhooksUrl', message: 'must be an http(s) URL' });
  if (body.startDate !== undefined && Number.isNaN(Date.parse(String(body.startDate))))
    errors.push({ field: 'startDate', message: 'must be an ISO 8601 date-time' });
  for (const field of ['description', 'merchantPaymentAgreementReference'])
    if (body[field] !== undefined && typeof body[field] !== 'string')
      errors.push({ field, message: 'must be a string' });
}

/** Checks a `POST /v1/payment-agreements` body; throws one 400 naming every invalid field. */
export function validateAgreementBody(body: unknown): void {
  if (!isObject(body)) throw new PproError(400, 'INVALID_REQUEST', 'The body must be a JSON object');
  const errors: FieldError[] = [];
  if (body.paymentMethod !== 'BANCONTACT')
    errors.push({ field: 'paymentMethod', message: 'must be BANCONTACT' });
  consumer(body.consumer, errors);
  authenticationSettings(body.authenticationSettings, errors);
  // Bancontact only works "link and pay": the first charge rides with the agreement (seed 004).
  if (!isObject(body.initialPaymentCharge))
    errors.push({ field: 'initialPaymentCharge', message: 'is required' });
  else money(body.initialPaymentCharge.amount, 'initialPaymentCharge.amount', errors);
  optionalFields(body, errors);
  if (errors.length > 0)
    throw new PproError(400, 'VALIDATION_ERROR', 'The request has invalid fields', errors);
}

/** Checks a `POST .../payment-charges` body. */
export function validateChargeBody(body: unknown): Json {
  if (!isObject(body)) throw new PproError(400, 'INVALID_REQUEST', 'The body must be a JSON object');
  const errors: FieldError[] = [];
  money(body.amount, 'amount', errors);
  if (
    body.merchantPaymentChargeReference !== undefined &&
    typeof body.merchantPaymentChargeReference !== 'string'
  )
    errors.push({ field: 'merchantPaymentChargeReference', message: 'must be a string' });
  if (errors.length > 0)
    throw new PproError(400, 'VALIDATION_ERROR', 'The request has invalid fields', errors);
  return body;
}

export interface WipLimits {
  /** The merchant's WIP maximum, in cents. */
  maxAmount: number;
  /** Charges of one agreement within this much simulator time count together against the maximum. */
  splitWindowMs: number;
}

/**
 * Seed 004: a WIP charge must be at most the merchant's maximum, and several charges may not add up to
 * one payment above it. The simulator takes charges of one agreement as one split payment when they
 * share a merchantPaymentChargeReference, or fall within `splitWindowMs` of each other.
 */
export function checkWipAmount(
  amount: Money & { reference?: string },
  previous: readonly Charge[],
  now: number,
  limits: WipLimits,
): void {
  if (amount.value > limits.maxAmount)
    throw new PproError(
      422,
      'AMOUNT_ABOVE_MAXIMUM',
      `The amount is above the merchant's WIP maximum of ${limits.maxAmount}`,
    );
  const together = splitTotal(amount, previous, now, limits.splitWindowMs);
  if (together > limits.maxAmount)
    throw new PproError(
      422,
      'SPLIT_PAYMENT_NOT_ALLOWED',
      `Charges of this agreement within ${limits.splitWindowMs} ms add up to ${together}, above the WIP maximum`,
    );
}

function splitTotal(
  amount: Money & { reference?: string },
  previous: readonly Charge[],
  now: number,
  windowMs: number,
) {
  return previous
    .filter((charge) => charge.status !== 'FAILED')
    .filter(
      (charge) =>
        now - charge.createdAtMs < windowMs ||
        (amount.reference !== undefined && charge.merchantPaymentChargeReference === amount.reference),
    )
    .reduce((sum, charge) => sum + charge.amount, amount.value);
}

/** The same idempotency key with another body is a client's mistake, never a second request. */
export function sameRequest(storedHash: string, hash: string): void {
  if (storedHash !== hash)
    throw new PproError(
      409,
      'IDEMPOTENCY_KEY_REUSED',
      'This Request-Idempotency-Key was used with another request',
    );
}
