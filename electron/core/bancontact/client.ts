import { z } from 'zod';
import { isWellFormedApiKey } from '../../../shared/domain/api-key';
import { BANCONTACT_STATUSES } from '../../../shared/domain/payment-status';
import { BancontactError } from './errors';
import type { RequestBudget } from './rate-limiter';
import type {
  AcknowledgeRequest,
  CreatePaymentRequest,
  CreatePaymentResponse,
  CreatePosPaymentRequest,
  GetPaymentResponse,
  SearchPaymentsRequest,
  SearchPaymentsResponse,
} from './types';

export interface BancontactClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Every call is abandoned after this long. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Keeps the station under the profile's request rate; cashier actions go first. */
  limiter?: RequestBudget;
  /** `Kassa/<version> (<station>)`: tells Bancontact (and a test's simulator) which station asked. */
  userAgent?: string;
}

/** Which station of the site asked, for Bancontact's logs and the site's tests. */
export function stationUserAgent(version: string, station: string): string {
  return `Kassa/${version} (${station})`;
}

/** Who is waiting on a call: the cashier (create, cancel, the payment on screen) or background work. */
export type CallPriority = 'high' | 'low';

export interface BancontactClient {
  createPayment(request: CreatePaymentRequest): Promise<CreatePaymentResponse>;
  createPosPayment(request: CreatePosPaymentRequest): Promise<CreatePaymentResponse>;
  getPayment(paymentId: string, priority?: CallPriority): Promise<GetPaymentResponse>;
  cancelPayment(paymentId: string): Promise<void>;
  acknowledgePayment(paymentId: string, request: AcknowledgeRequest): Promise<void>;
  /** Low priority by default; high when the search follows on-screen payments in bulk. */
  searchPayments(request: SearchPaymentsRequest, priority?: CallPriority): Promise<SearchPaymentsResponse>;
  /** The payer's full IBAN, for a manual SEPA refund; 422 REFUND_NOT_AVAILABLE until Bancontact has it. */
  getRefundIban(paymentId: string): Promise<{ iban: string }>;
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
  reference: z.string().optional(),
  description: z.string().optional(),
});
const refundIban = z.looseObject({ iban: z.string().min(5).max(50) });
const searchResponse = z.looseObject({
  size: z.number().int(),
  totalPages: z.number().int(),
  totalElements: z.number().int(),
  number: z.number().int(),
  details: z.array(getResponse),
});

export function createBancontactClient(options: BancontactClientOptions): BancontactClient {
  const call = requester(options);
  const id = (paymentId: string): string => encodeURIComponent(paymentId);
  return {
    async createPayment(request) {
      return parseAnswer(
        createResponse,
        await call('POST', '/v3/payments', request, 201, 'high'),
      ) as CreatePaymentResponse;
    },
    async createPosPayment(request) {
      return parseAnswer(
        createResponse,
        await call('POST', '/v3/payments/pos', request, 201, 'high'),
      ) as CreatePaymentResponse;
    },
    async getPayment(paymentId, priority = 'high') {
      return parseAnswer(
        getResponse,
        await call('GET', `/v3/payments/${id(paymentId)}`, undefined, 200, priority),
      ) as GetPaymentResponse;
    },
    async cancelPayment(paymentId) {
      await call('DELETE', `/v3/payments/${id(paymentId)}`, undefined, 204, 'high');
    },
    async acknowledgePayment(paymentId, request) {
      await call('POST', `/v3/payments/${id(paymentId)}/acknowledge`, request, 202, 'high');
    },
    async searchPayments({ page = 0, size = 100, ...filter }, priority = 'low') {
      const path = `/v3/payments/search?page=${page}&size=${size}`;
      return parseAnswer(
        searchResponse,
        await call('POST', path, filter, 200, priority),
      ) as SearchPaymentsResponse;
    },
    getRefundIban: (paymentId) => getRefundIban(call, id(paymentId)),
  };
}

async function getRefundIban(
  call: ReturnType<typeof requester>,
  paymentId: string,
): Promise<{ iban: string }> {
  const answer = await call('GET', `/v3/payments/${paymentId}/debtor/refundIban`, undefined, 200, 'low');
  return { iban: parseAnswer(refundIban, answer).iban };
}

export type Method = 'GET' | 'POST' | 'DELETE';

function requester({
  baseUrl,
  apiKey,
  timeoutMs = 10_000,
  fetch: fetchImpl = fetch,
  limiter,
  userAgent,
}: BancontactClientOptions) {
  const send = sender(baseUrl.replace(/\/+$/, ''), apiKey, timeoutMs, fetchImpl, userAgent);
  return async function call(
    method: Method,
    path: string,
    body: unknown,
    expected: number,
    priority: CallPriority,
  ): Promise<unknown> {
    // The place in the rate limit is given back when the answer is in (see RateLimiter).
    const release = await limiter?.acquire(priority);
    try {
      return await send(method, path, body, expected);
    } finally {
      release?.();
    }
  };
}

/** One HTTP exchange with Bancontact, timed out as a whole, its failures typed. */
function sender(
  root: string,
  apiKey: string,
  timeoutMs: number,
  fetchImpl: typeof fetch,
  userAgent?: string,
) {
  return async function send(
    method: Method,
    path: string,
    body: unknown,
    expected: number,
  ): Promise<unknown> {
    // fetch would refuse such a header with a TypeError that reads like a network failure.
    if (!isWellFormedApiKey(apiKey)) {
      throw new BancontactError(
        'malformed_key',
        `${method} ${path}: the API key is not a valid header value`,
      );
    }
    const headers: Record<string, string> = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (userAgent) headers['User-Agent'] = userAgent;
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
    return parseJson(text, method, path);
  };
}

function parseJson(text: string, method: Method, path: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BancontactError('protocol', `${method} ${path}: answer is not JSON`);
  }
}

export function transportFailure(error: unknown, method: Method, path: string): BancontactError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new BancontactError('timeout', `${method} ${path}: no answer in time`);
  }
  const reason = error instanceof Error ? error.message : 'network error';
  return new BancontactError('network', `${method} ${path}: ${reason}`);
}

const errorBody = z.looseObject({
  code: z.string().optional(),
  message: z.string().optional(),
  traceId: z.string().optional(),
  spanId: z.string().optional(),
});

export function apiFailure(status: number, text: string, method: Method, path: string): BancontactError {
  let parsed: z.infer<typeof errorBody> = {};
  try {
    const result = errorBody.safeParse(JSON.parse(text));
    if (result.success) parsed = result.data;
  } catch {
    // Not every failing proxy answers JSON; the HTTP status alone still classifies the failure.
  }
  const code = parsed.code ? ` ${parsed.code}` : '';
  // The trace id is what Bancontact's support asks for; it stays in the message that is stored with the sale.
  const trace = parsed.traceId ? ` (traceId ${parsed.traceId})` : '';
  const message = `${method} ${path}: HTTP ${status}${code}${parsed.message ? `: ${parsed.message}` : ''}${trace}`;
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
