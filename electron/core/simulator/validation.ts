import { z } from 'zod';
import { fieldRequired } from './errors';
import { asRequestObject, parseRequest } from './request-body';

/**
 * The SEPA basic Latin set (EPC217-08) the spec requires for `reference` and `description`. Accents, `€`,
 * `&` and `_` are outside it: banks would mangle them in the remittance information.
 */
export const SEPA_TEXT = /^[A-Za-z0-9 /\-?:().,'+]*$/;

export const MAX_AMOUNT_CENTS = 999_999_999_999;

// The spec's URL pattern: https, a dotted host name ending in a 2+ letter TLD, optional port and path.
export const HTTPS_URL = /^https:\/\/([a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}(:\d{1,5})?([/?#].*)?$/;
const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

export interface ValidationOptions {
  /** Also accepts http(s)://127.0.0.1|localhost URLs, so a till on the same machine can receive callbacks. */
  allowHttpCallbacks: boolean;
}

export function isLoopbackUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.includes(url.hostname);
  } catch {
    return false;
  }
}

/** The spec's callback URL rule, relaxed to loopback http(s) when `allowHttpCallbacks` is set. */
export function callbackUrlSchema({ allowHttpCallbacks }: ValidationOptions) {
  const rule = allowHttpCallbacks
    ? 'must be an https URL, or an http(s) URL on 127.0.0.1/localhost'
    : 'must be an https URL with a public host name';
  return z
    .string()
    .min(1, 'must not be empty')
    .max(2048, 'must be at most 2048 characters')
    .refine((v) => HTTPS_URL.test(v) || (allowHttpCallbacks && isLoopbackUrl(v)), rule);
}

export function sepaText(maxLength: number) {
  return z
    .string()
    .max(maxLength, `must be at most ${maxLength} characters`)
    .regex(SEPA_TEXT, "may only contain letters a-z A-Z, digits, space and / - ? : ( ) . , ' +");
}

export const amountSchema = (max = MAX_AMOUNT_CENTS) =>
  z
    .number('must be a number')
    .int('must be a whole number of cents')
    .min(1, 'must be at least 1 cent')
    .max(max, `must be at most ${max} cents`);

// posId: the spec's pattern; shopId and shopName are free text (shown to the payer), up to 36 characters.
const POS_ID = /^[A-Za-z0-9]+$/;
export const posIdSchema = z
  .string()
  .max(36, 'must be at most 36 characters')
  .regex(POS_ID, 'must match ^[A-Za-z0-9]+$');

function commonFields(options: ValidationOptions) {
  const url = callbackUrlSchema(options);
  return {
    amount: amountSchema(),
    currency: z.literal('EUR', 'must be EUR').default('EUR'),
    reference: sepaText(35).optional(),
    bulkId: sepaText(35).optional(),
    description: sepaText(140).optional(),
    callbackUrl: url.optional(),
    identifyCallbackUrl: url.optional(),
  };
}

function createPaymentSchema(options: ValidationOptions) {
  return z.object({ ...commonFields(options), returnUrl: callbackUrlSchema(options).optional() });
}

function posPaymentSchema(options: ValidationOptions) {
  return z.object({
    ...commonFields(options),
    posId: posIdSchema,
    shopId: z.string().max(36, 'must be at most 36 characters').optional(),
    shopName: z.string().max(36, 'must be at most 36 characters').optional(),
  });
}

/** What every creation path hands to the payment service; `/pos` adds the POS fields. */
export type CreatePaymentInput = z.output<ReturnType<typeof createPaymentSchema>> & {
  posId?: string;
  shopId?: string;
  shopName?: string;
};
export type PosPaymentInput = z.output<ReturnType<typeof posPaymentSchema>>;

function withRequiredFirst<T>(schema: z.ZodType<T>, required: readonly string[]): (body: unknown) => T {
  return (body) => {
    // Checked before the schema so a missing amount wins over any other problem, as in the spec example.
    const request = asRequestObject(body);
    for (const field of required) if (request[field] === undefined) throw fieldRequired(field);
    return parseRequest(schema, body);
  };
}

/** Builds the `POST /v3/payments` body check once; it throws the SimError Bancontact would answer with. */
export function createPaymentParser(options: ValidationOptions): (body: unknown) => CreatePaymentInput {
  return withRequiredFirst(createPaymentSchema(options), ['amount']);
}

/** The `POST /v3/payments/pos` body check (StaticQRPaymentCreateRequest: no returnUrl, posId required). */
export function posPaymentParser(options: ValidationOptions): (body: unknown) => PosPaymentInput {
  return withRequiredFirst(posPaymentSchema(options), ['amount', 'posId']);
}
