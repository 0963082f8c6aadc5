import {
  IDEMPOTENCY_HEADER,
  TRAINING_PPRO_MERCHANT,
  type Agreement,
  type PproErrorBody,
} from '../../electron/core/ppro-simulator';

export interface PproAnswer<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** A merchant talking to the PPRO simulator over real HTTP, as Kassa will. */
export function pproClient(baseUrl: string, apiKey: string = TRAINING_PPRO_MERCHANT.apiKey) {
  const send = async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(apiKey === '' ? {} : { authorization: `Bearer ${apiKey}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
      headers: response.headers,
    };
  };
  return {
    get: <T = Record<string, unknown>>(path: string) => send<T>('GET', path),
    post: <T = Record<string, unknown>>(path: string, body?: unknown, key?: string) =>
      send<T>('POST', path, body, key === undefined ? {} : { [IDEMPOTENCY_HEADER]: key }),
    put: <T = Record<string, unknown>>(path: string, body: unknown) => send<T>('PUT', path, body),
    send,
  };
}

export type PproClient = ReturnType<typeof pproClient>;
export type { Agreement, PproErrorBody };

/** Seed 004's example agreement, with the simulator's own return URL. */
export function agreementBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    paymentMethod: 'BANCONTACT',
    description: 'Monthly membership',
    merchantPaymentAgreementReference: 'kassa-membership-0001',
    startDate: '2026-06-01T10:00:00Z',
    amount: { value: 2500, currency: 'EUR' },
    amountType: 'EXACT',
    authenticationSettings: [{ type: 'REDIRECT', settings: { returnUrl: 'https://kassa.example/return' } }],
    consumer: {
      name: 'Ernestine Bartoletti',
      email: 'ernestine@example.be',
      country: 'BE',
      billingAddress: { street: 'Rue de Fierlant 67', postalCode: '1190', city: 'Bruxelles', country: 'BE' },
    },
    initialPaymentCharge: {
      paymentDescriptor: 'Membership June',
      merchantPaymentChargeReference: 'membership-2026-06',
      autoCapture: 'true',
      amount: { value: 2500, currency: 'EUR' },
    },
    ...overrides,
  };
}

/** Creates an agreement and has the consumer authorise it by the code they scanned: it is ACTIVE. */
export async function activeAgreement(client: PproClient, overrides: Record<string, unknown> = {}) {
  const created = await client.post<Agreement>('/v1/payment-agreements', agreementBody(overrides));
  const code = created.body.authenticationMethods.find((m) => m.type === 'SCAN_CODE')?.details.codePayload;
  await client.post('/_sim/consumer/authorise', { codePayload: code });
  return created.body;
}
