import { z } from 'zod';

/**
 * JSON schemas of the Payment V3 3.6.5 and Refund 3.0.3 responses and of the MerchantCallback, written
 * from the spec (reference §1.4, §1.5, §2.2). Objects are strict: a member the spec does not define
 * (such as `expireAt` in a create response, or `expiresAt` in a GET) fails the check.
 */
const dateTime = z.iso.datetime({ precision: 3 });
const id24 = z.string().regex(/^[0-9a-f]{24}$/);
const cents = z.number().int().min(1).max(999_999_999_999);
const STATUSES = [
  'PENDING',
  'IDENTIFIED',
  'AUTHORIZED',
  'AUTHORIZATION_FAILED',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
  'EXPIRED',
  'PENDING_MERCHANT_ACKNOWLEDGEMENT',
  'VOIDED',
] as const;
const status = z.enum(STATUSES);

const link = z.strictObject({ href: z.url() });
const links = z.strictObject({
  self: link,
  deeplink: link,
  qrcode: link,
  cancel: link.optional(),
  refund: link.optional(),
  checkout: link.optional(),
});

const creditor = z.strictObject({
  profileId: z.string(),
  merchantId: z.string(),
  name: z.string(),
  iban: z.string(),
  callbackUrl: z.string().max(2048).optional(),
  identifyCallbackUrl: z.string().max(2048).optional(),
});

/** Masked as in the spec's sample: stars, then the last five characters. */
const debtor = z.strictObject({ name: z.string().min(1), iban: z.string().regex(/^\*+[A-Z0-9]{5}$/) });

export const paymentCreateResponse = z.strictObject({
  paymentId: id24,
  status: z.literal('PENDING'),
  createdAt: dateTime,
  expiresAt: dateTime,
  description: z.string().max(140).optional(),
  reference: z.string().max(35).optional(),
  amount: cents,
  currency: z.literal('EUR'),
  creditor,
  _links: links,
});

export const getPaymentResponse = z
  .strictObject({
    paymentId: id24,
    createdAt: dateTime,
    expireAt: dateTime,
    succeededAt: dateTime.optional(),
    currency: z.literal('EUR'),
    status,
    creditor,
    debtor: debtor.optional(),
    amount: z.number().int().min(0),
    description: z.string().max(140).optional(),
    message: z.string().optional(),
    reference: z.string().max(35).optional(),
    bulkId: z.string().max(35).optional(),
    _links: links,
  })
  .refine((p) => (p.succeededAt !== undefined) === (p.status === 'SUCCEEDED'), 'succeededAt iff SUCCEEDED');

export const paymentSearchResponse = z.strictObject({
  size: z.number().int().min(0),
  totalPages: z.number().int().min(0),
  totalElements: z.number().int().min(0),
  number: z.number().int().min(0),
  details: z.array(getPaymentResponse),
});

export const errorResponse = z.strictObject({
  code: z.string().regex(/^[A-Z_]+$/),
  message: z.string(),
  traceId: z.string().regex(/^[0-9a-f]{16}$/),
  spanId: z.string().regex(/^[0-9a-f]{16}$/),
});

/** The Refund API's error body: `code` and `message` only. */
export const refundErrorResponse = z.strictObject({
  code: z.string().regex(/^[A-Z_]+$/),
  message: z.string(),
});

export const refundResponse = z.strictObject({
  refundId: id24,
  paymentId: id24,
  status: z.enum(['PENDING', 'REFUNDED', 'FAILED']),
  amount: cents,
  currency: z.literal('EUR'),
  description: z.string().optional(),
  creationDate: dateTime,
});

export const refundIbanResponse = z.strictObject({
  iban: z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/),
});

export const merchantCallback = z
  .strictObject({
    paymentId: id24,
    amount: z.number().int().min(0),
    currency: z.literal('EUR'),
    description: z.string().optional(),
    reference: z.string().optional(),
    createdAt: dateTime,
    expireAt: dateTime,
    succeededAt: dateTime.optional(),
    status,
    debtor: debtor.optional(),
  })
  .refine((p) => (p.succeededAt !== undefined) === (p.status === 'SUCCEEDED'), 'succeededAt iff SUCCEEDED');

/** Public keys only: a private `d` would fail the strict check. */
export const jwks = z.strictObject({
  keys: z
    .array(
      z.strictObject({
        kty: z.literal('EC'),
        crv: z.literal('P-256'),
        x: z.string(),
        y: z.string(),
        kid: z.string().min(1),
        use: z.literal('sig'),
        alg: z.literal('ES256'),
        // The certificate chain (base64 DER, leaf first) and the leaf's SHA-256 thumbprint.
        x5c: z.array(z.base64()).min(1),
        'x5t#S256': z.base64url().length(43),
      }),
    )
    .min(1),
});

/** Parses or fails with every issue listed, so a test names the offending member. */
export function conform<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new Error(`Does not conform: ${z.prettifyError(result.error)}\n${JSON.stringify(value)}`);
  return result.data;
}
