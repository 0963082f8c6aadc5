import type { z } from 'zod';
import { isWellFormedApiKey } from '../../../shared/domain/api-key';
import { apiFailure, PproClientError, transportFailure, type Method } from './errors';
import {
  agreementSchema,
  chargeListSchema,
  chargeSchema,
  refundSchema,
  type CreateAgreementRequest,
  type CreateChargeRequest,
  type PproAgreement,
  type PproCharge,
  type PproRefund,
} from './schemas';

/** PPRO's idempotency header: the same key and body get the first answer again (docs/ppro-simulator.md). */
export const PPRO_IDEMPOTENCY_HEADER = 'Request-Idempotency-Key';

export interface PproClientOptions {
  baseUrl: string;
  /** Sent as `Authorization: Bearer <key>`; never part of an error or a log. */
  apiKey: string;
  /** Sent as `Merchant-Id` when given: PPRO refuses a key of another merchant. */
  merchantId?: string;
  /** Every call is abandoned after this long, its body included. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** PPRO's payment-agreements API (seed 004): agreements, WIP charges and their refunds. */
export interface PproClient {
  createAgreement(request: CreateAgreementRequest, idempotencyKey?: string): Promise<PproAgreement>;
  getAgreement(agreementId: string): Promise<PproAgreement>;
  revokeAgreement(agreementId: string, idempotencyKey?: string): Promise<PproAgreement>;
  /**
   * A charge without the consumer. The key is required: Kassa gives the agreement and the period, so a
   * retry after a timeout gets the charge already made instead of a second one.
   */
  createCharge(
    agreementId: string,
    request: CreateChargeRequest,
    idempotencyKey: string,
  ): Promise<PproCharge>;
  getCharge(chargeId: string): Promise<PproCharge>;
  /** Oldest first, the agreement's initial charge first. */
  listCharges(agreementId: string): Promise<PproCharge[]>;
  /** The whole charge when no amount (in cents) is given. */
  refundCharge(chargeId: string, amount?: number, idempotencyKey?: string): Promise<PproRefund>;
}

export function createPproClient(options: PproClientOptions): PproClient {
  const send = sender(options);
  const id = (value: string): string => encodeURIComponent(value);
  const agreements = '/v1/payment-agreements';
  return {
    async createAgreement(request, key) {
      return parse(agreementSchema, await send('POST', agreements, request, 201, key));
    },
    async getAgreement(agreementId) {
      return parse(agreementSchema, await send('GET', `${agreements}/${id(agreementId)}`, undefined, 200));
    },
    async revokeAgreement(agreementId, key) {
      const path = `${agreements}/${id(agreementId)}/revoke`;
      return parse(agreementSchema, await send('POST', path, {}, 200, key));
    },
    async createCharge(agreementId, request, key) {
      const path = `${agreements}/${id(agreementId)}/payment-charges`;
      return parse(chargeSchema, await send('POST', path, request, 201, key));
    },
    async getCharge(chargeId) {
      return parse(chargeSchema, await send('GET', `/v1/payment-charges/${id(chargeId)}`, undefined, 200));
    },
    async listCharges(agreementId) {
      const path = `${agreements}/${id(agreementId)}/payment-charges`;
      return parse(chargeListSchema, await send('GET', path, undefined, 200)).paymentCharges;
    },
    async refundCharge(chargeId, amount, key) {
      const path = `/v1/payment-charges/${id(chargeId)}/refunds`;
      return parse(refundSchema, await send('POST', path, amount === undefined ? {} : { amount }, 201, key));
    },
  };
}

/** One HTTP exchange with PPRO, timed out as a whole, its failures typed, the key kept out of them. */
function sender({
  baseUrl,
  apiKey,
  merchantId,
  timeoutMs = 10_000,
  fetch: fetchImpl = fetch,
}: PproClientOptions) {
  const root = baseUrl.replace(/\/+$/, '');
  return async function send(
    method: Method,
    path: string,
    body: unknown,
    expected: number,
    idempotencyKey?: string,
  ): Promise<unknown> {
    // fetch would refuse such a header with a TypeError that reads like a network failure.
    if (!isWellFormedApiKey(apiKey))
      throw new PproClientError('unauthorised', `${method} ${path}: the API key is not a valid header value`);
    let response: Response;
    try {
      response = await fetchImpl(root + path, {
        method,
        headers: requestHeaders(apiKey, merchantId, body !== undefined, idempotencyKey),
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw transportFailure(error, method, path);
    }
    // Reading the body is part of the call: a server that stalls mid-body times out too.
    const text = await response.text().catch((error: unknown) => {
      throw transportFailure(error, method, path);
    });
    if (response.status !== expected) throw apiFailure(response.status, text, method, path);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new PproClientError('protocol', `${method} ${path}: the answer is not JSON`, response.status);
    }
  };
}

function requestHeaders(
  apiKey: string,
  merchantId: string | undefined,
  withBody: boolean,
  idempotencyKey: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' };
  if (merchantId !== undefined) headers['Merchant-Id'] = merchantId;
  if (withBody) headers['Content-Type'] = 'application/json';
  if (idempotencyKey !== undefined) headers[PPRO_IDEMPOTENCY_HEADER] = idempotencyKey;
  return headers;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined ? '' : ` at ${issue.path.join('.')}: ${issue.message}`;
    throw new PproClientError('protocol', `unexpected answer from PPRO${where}`);
  }
  return result.data;
}
