import { z } from 'zod';
import { BANCONTACT_STATUSES } from '../../../shared/domain/payment-status';
import { BancontactError } from './errors';
import type { CreatePaymentRequest, CreatePaymentResponse, GetPaymentResponse } from './types';

export interface BancontactClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Every call is abandoned after this long. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface BancontactClient {
  createPayment(request: CreatePaymentRequest): Promise<CreatePaymentResponse>;
  getPayment(paymentId: string): Promise<GetPaymentResponse>;
  cancelPayment(paymentId: string): Promise<void>;
}

const link = z.object({ href: z.string() });
const status = z.enum(BANCONTACT_STATUSES);
// Answers cross a trust boundary: check the fields Kassa relies on, let the rest through.
const createResponse = z.looseObject({
  paymentId: z.string().length(24),
  status,
  createdAt: z.string(),
  expiresAt: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  _links: z.looseObject({ self: link, deeplink: link, qrcode: link, cancel: link.optional() }),
});
const getResponse = z.looseObject({
  paymentId: z.string().length(24),
  status,
  createdAt: z.string(),
  expireAt: z.string().optional(),
  succeededAt: z.string().optional(),
  amount: z.number().int(),
  currency: z.string(),
});
const errorBody = z.looseObject({
  code: z.string().optional(),
  message: z.string().optional(),
  traceId: z.string().optional(),
  spanId: z.string().optional(),
});

export function createBancontactClient(options: BancontactClientOptions): BancontactClient {
  const call = requester(options);
  return {
    async createPayment(request) {
      const body = await call('POST', '/v3/payments', request, 201);
      return parseAnswer(createResponse, body) as CreatePaymentResponse;
    },
    async getPayment(paymentId) {
      const body = await call('GET', `/v3/payments/${encodeURIComponent(paymentId)}`, undefined, 200);
      return parseAnswer(getResponse, body) as GetPaymentResponse;
    },
    async cancelPayment(paymentId) {
      await call('DELETE', `/v3/payments/${encodeURIComponent(paymentId)}`, undefined, 204);
    },
  };
}

type Method = 'GET' | 'POST' | 'DELETE';

function requester({
  baseUrl,
  apiKey,
  timeoutMs = 10_000,
  fetch: fetchImpl = fetch,
}: BancontactClientOptions) {
  const root = baseUrl.replace(/\/+$/, '');
  return async function call(
    method: Method,
    path: string,
    body: unknown,
    expected: number,
  ): Promise<unknown> {
    const headers: Record<string, string> = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(root + path, {
        method,
        headers,
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
    if (text === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new BancontactError('protocol', `${method} ${path}: answer is not JSON`);
    }
  };
}

function transportFailure(error: unknown, method: Method, path: string): BancontactError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new BancontactError('timeout', `${method} ${path}: no answer in time`);
  }
  return new BancontactError(
    'network',
    `${method} ${path}: ${error instanceof Error ? error.message : 'network error'}`,
  );
}

function apiFailure(status: number, text: string, method: Method, path: string): BancontactError {
  let parsed: z.infer<typeof errorBody> = {};
  try {
    const result = errorBody.safeParse(JSON.parse(text));
    if (result.success) parsed = result.data;
  } catch {
    // Not every failing proxy answers JSON; the HTTP status alone still classifies the failure.
  }
  const message = `${method} ${path}: HTTP ${status}${parsed.code ? ` ${parsed.code}` : ''}${parsed.message ? `: ${parsed.message}` : ''}`;
  return new BancontactError(
    'api',
    message,
    status,
    parsed.code ?? null,
    parsed.traceId ?? null,
    parsed.spanId ?? null,
  );
}

function parseAnswer<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new BancontactError('protocol', `unexpected answer: ${result.error.issues[0]?.message ?? ''}`);
  return result.data;
}
