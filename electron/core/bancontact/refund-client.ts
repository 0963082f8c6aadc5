import { z } from 'zod';
import { apiFailure, transportFailure, type CallPriority } from './client';
import { BancontactError } from './errors';
import type { JwksCache } from './jwks-cache';
import type { RequestBudget } from './rate-limiter';
import { bankSignatureProblem, type RequestSigner } from './refund-signer';

/*
 * Kassa's side of the Refund API 3.0.3 (reference §1.3, §2): `POST /v3/payments/{id}/refunds` and
 * `GET /v3/payments/{id}/refunds/{refundId}`. Unlike the payment calls these carry no API key: the
 * merchant's JWS `Signature` is the authentication, plus an `Idempotency-Key` on the create.
 */

export const REFUND_STATUSES = ['PENDING', 'REFUNDED', 'FAILED'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export interface BancontactRefund {
  refundId: string;
  paymentId: string;
  status: RefundStatus;
  amountCents: number;
  description?: string;
  /** As Bancontact wrote it (ISO UTC). */
  createdAt: string;
}

export interface RefundRequest {
  amountCents: number;
  /** Shown to the payer; at most 140 characters. */
  description?: string;
}

export interface RefundClient {
  /** PENDING on success; the same refund again for the same key and request (a safe retry). */
  createRefund(paymentId: string, request: RefundRequest, idempotencyKey: string): Promise<BancontactRefund>;
  /** Background following by default: the cashier's calls go first in the profile's rate budget. */
  getRefund(paymentId: string, refundId: string, priority?: CallPriority): Promise<BancontactRefund>;
}

export interface RefundClientOptions {
  baseUrl: string;
  /** Signs with the profile's own key (merchant-keys.ts). */
  signer: RequestSigner;
  /** The profile's id, which Bancontact's `SignatureBank` must be about. */
  ppid: string;
  /** Bancontact's JWKS: when given, a `SignatureBank` on an answer must verify against it. */
  bankJwks?: JwksCache;
  /** The profile's rate budget, shared with its payment calls. */
  limiter?: RequestBudget;
  timeoutMs?: number;
  fetch?: typeof fetch;
  userAgent?: string;
}

// Answers cross a trust boundary: the fields Kassa relies on are checked, the rest let through.
const refundAnswer = z.looseObject({
  refundId: z.string().min(1).max(64),
  paymentId: z.string(),
  status: z.enum(REFUND_STATUSES),
  amount: z.number().int(),
  currency: z.literal('EUR'),
  description: z.string().optional(),
  creationDate: z.string(),
});

function toRefund(body: unknown): BancontactRefund {
  const parsed = refundAnswer.safeParse(body);
  if (!parsed.success)
    throw new BancontactError(
      'protocol',
      `unexpected refund answer: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  const { refundId, paymentId, status, amount, description, creationDate } = parsed.data;
  return {
    ...{ refundId, paymentId, status, amountCents: amount, createdAt: creationDate },
    ...(description !== undefined && { description }),
  };
}

interface SignedCall {
  method: 'GET' | 'POST';
  path: string;
  body: string;
  expected: number;
  priority: CallPriority;
  idempotencyKey?: string;
}

function signedSender(options: RefundClientOptions) {
  const root = options.baseUrl.replace(/\/+$/, '');
  const { signer, timeoutMs = 10_000, fetch: fetchImpl = fetch } = options;
  return async (call: SignedCall): Promise<string> => {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      // Signed per attempt: a fresh jti and iat each time, as a replayed signature would be refused.
      Signature: await signer.sign(call.body, call.path),
    };
    if (call.method === 'POST') headers['Content-Type'] = 'application/json';
    if (call.idempotencyKey !== undefined) headers['Idempotency-Key'] = call.idempotencyKey;
    if (options.userAgent) headers['User-Agent'] = options.userAgent;
    let response: Response;
    try {
      response = await fetchImpl(root + call.path, {
        method: call.method,
        headers,
        body: call.method === 'POST' ? call.body : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw transportFailure(error, call.method, call.path);
    }
    const text = await response.text().catch((error: unknown) => {
      throw transportFailure(error, call.method, call.path);
    });
    if (response.status !== call.expected) throw apiFailure(response.status, text, call.method, call.path);
    await checkBankSignature(options, response.headers.get('signaturebank'), text, call);
    return text;
  };
}

/** Bancontact signs refund answers; one that carries a signature that does not verify is not believed. */
async function checkBankSignature(
  options: RefundClientOptions,
  signature: string | null,
  text: string,
  call: SignedCall,
): Promise<void> {
  if (!options.bankJwks || signature === null) return;
  const problem = await bankSignatureProblem(options.bankJwks, options.ppid, signature, text);
  if (problem !== undefined) throw new BancontactError('protocol', `${call.method} ${call.path}: ${problem}`);
}

function parse(text: string, call: SignedCall): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BancontactError('protocol', `${call.method} ${call.path}: answer is not JSON`);
  }
}

export function createRefundClient(options: RefundClientOptions): RefundClient {
  const send = signedSender(options);
  const call = async (request: SignedCall): Promise<BancontactRefund> => {
    // The place in the rate budget is given back when the answer is in (see RateLimiter).
    const release = await options.limiter?.acquire(request.priority);
    try {
      return toRefund(parse(await send(request), request));
    } finally {
      release?.();
    }
  };
  const id = encodeURIComponent;
  return {
    createRefund: (paymentId, { amountCents, description }, idempotencyKey) =>
      call({
        method: 'POST',
        path: `/v3/payments/${id(paymentId)}/refunds`,
        body: JSON.stringify({ amount: amountCents, currency: 'EUR', ...(description && { description }) }),
        expected: 201,
        priority: 'high',
        idempotencyKey,
      }),
    getRefund: (paymentId, refundId, priority = 'low') =>
      call({
        method: 'GET',
        path: `/v3/payments/${id(paymentId)}/refunds/${id(refundId)}`,
        body: '',
        expected: 200,
        priority,
      }),
  };
}
