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
const HTTPS_URL = /^https:\/\/([a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}(:\d{1,5})?([/?#].*)?$/;
const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

export interface ValidationOptions {
  /** Also accepts http(s)://127.0.0.1|localhost URLs, so a till on the same machine can receive callbacks. */
  allowHttpCallbacks: boolean;
}

function isLoopbackUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.includes(url.hostname);
  } catch {
    return false;
  }
}

function callbackUrlSchema({ allowHttpCallbacks }: ValidationOptions) {
  const rule = allowHttpCallbacks
    ? 'must be an https URL, or an http(s) URL on 127.0.0.1/localhost'
    : 'must be an https URL with a public host name';
  return z
    .string()
    .min(1, 'must not be empty')
    .max(2048, 'must be at most 2048 characters')
    .refine((v) => HTTPS_URL.test(v) || (allowHttpCallbacks && isLoopbackUrl(v)), rule);
}

function sepaText(maxLength: number) {
  return z
    .string()
    .max(maxLength, `must be at most ${maxLength} characters`)
    .regex(SEPA_TEXT, "may only contain letters a-z A-Z, digits, space and / - ? : ( ) . , ' +");
}

function createPaymentSchema(options: ValidationOptions) {
  const url = callbackUrlSchema(options);
  return z.object({
    amount: z
      .number('must be a number')
      .int('must be a whole number of cents')
      .min(1, 'must be at least 1 cent')
      .max(MAX_AMOUNT_CENTS, `must be at most ${MAX_AMOUNT_CENTS} cents`),
    currency: z.literal('EUR', 'must be EUR').default('EUR'),
    reference: sepaText(35).optional(),
    bulkId: sepaText(35).optional(),
    description: sepaText(140).optional(),
    callbackUrl: url.optional(),
    identifyCallbackUrl: url.optional(),
    returnUrl: url.optional(),
  });
}

export type CreatePaymentInput = z.output<ReturnType<typeof createPaymentSchema>>;

/** Builds the `POST /v3/payments` body check once; it throws the SimError Bancontact would answer with. */
export function createPaymentParser(options: ValidationOptions): (body: unknown) => CreatePaymentInput {
  const schema = createPaymentSchema(options);
  return (body) => {
    // Checked before the schema so a missing amount wins over any other problem, as in the spec example.
    if (asRequestObject(body).amount === undefined) throw fieldRequired('amount');
    return parseRequest(schema, body);
  };
}
