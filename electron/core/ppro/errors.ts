import { z } from 'zod';

/**
 * Why a call to PPRO gave no answer Kassa can use: the small closed set the station and its screens act on.
 * `unavailable` (PPRO said 5xx), `timeout` and `network` may work later; the others will not by retrying.
 */
export type PproFailureKind =
  | 'unauthorised'
  | 'refused'
  | 'above_maximum'
  | 'agreement_not_active'
  | 'unavailable'
  | 'timeout'
  | 'network'
  | 'protocol';

export interface PproFieldError {
  field: string;
  message: string;
}

export class PproClientError extends Error {
  constructor(
    readonly kind: PproFailureKind,
    message: string,
    /** HTTP status, when PPRO answered. */
    readonly status: number | null = null,
    /** PPRO's `failureType` and `failureMessage`, kept for the screens. */
    readonly failureType: string | null = null,
    readonly failureMessage: string | null = null,
    /** PPRO's field errors, by JSON path, on a refused request. */
    readonly fieldErrors: PproFieldError[] = [],
  ) {
    super(message);
    this.name = 'PproClientError';
  }

  /** True when the same call (with the same idempotency key) may work later. */
  get isTransient(): boolean {
    return this.kind === 'unavailable' || this.kind === 'timeout' || this.kind === 'network';
  }
}

export type Method = 'GET' | 'POST';

export function transportFailure(error: unknown, method: Method, path: string): PproClientError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError')
    return new PproClientError('timeout', `${method} ${path}: no answer in time`);
  // undici hides the reason (ECONNREFUSED, ENOTFOUND…) in `cause`; it names no header, so no key.
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined)?.code : undefined;
  return new PproClientError('network', `${method} ${path}: network error${cause ? ` (${cause})` : ''}`);
}

const errorBody = z.looseObject({
  failureType: z.string().max(100).optional(),
  failureMessage: z.string().max(1000).optional(),
  errors: z
    .array(z.looseObject({ field: z.string().max(200), message: z.string().max(500) }))
    .max(100)
    .optional(),
});

function kindOf(status: number, failureType: string | undefined): PproFailureKind {
  if (status === 401 || status === 403) return 'unauthorised';
  if (status >= 500) return 'unavailable';
  // A split payment is refused because the parts would pass the maximum: the same answer for the merchant.
  if (failureType === 'AMOUNT_ABOVE_MAXIMUM' || failureType === 'SPLIT_PAYMENT_NOT_ALLOWED')
    return 'above_maximum';
  if (failureType === 'AGREEMENT_NOT_ACTIVE') return 'agreement_not_active';
  return 'refused';
}

export function apiFailure(status: number, text: string, method: Method, path: string): PproClientError {
  let parsed: z.infer<typeof errorBody> = {};
  try {
    const result = errorBody.safeParse(JSON.parse(text));
    if (result.success) parsed = result.data;
  } catch {
    // A failing proxy may answer HTML; the HTTP status alone still classifies the failure.
  }
  const type = parsed.failureType ? ` ${parsed.failureType}` : '';
  const said = parsed.failureMessage ? `: ${parsed.failureMessage}` : '';
  const fieldErrors = (parsed.errors ?? []).map(({ field, message }) => ({ field, message }));
  return new PproClientError(
    kindOf(status, parsed.failureType),
    `${method} ${path}: HTTP ${status}${type}${said}`,
    status,
    parsed.failureType ?? null,
    parsed.failureMessage ?? null,
    fieldErrors,
  );
}
