/** What one callback attempt got back: an HTTP status, or why there was none. */
export type PostOutcome = { status: number } | { error: 'timeout' | 'network'; detail: string };

export interface CallbackRequest {
  url: string;
  body: string;
  signature: string;
  userAgent: string;
}

/**
 * POSTs one callback and waits at most `timeoutMs` (real time) for the status line. Redirects are not
 * followed: Bancontact posts to the registered URL only.
 */
export async function postCallback(
  request: CallbackRequest,
  timeoutMs: number,
  stop: AbortSignal,
): Promise<PostOutcome> {
  const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), stop]);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': request.userAgent,
        signature: request.signature,
      },
      body: request.body,
      redirect: 'manual',
      signal,
    });
    // The body is not read: only the status decides, and an unread body would hold the connection.
    await response.body?.cancel();
    return { status: response.status };
  } catch (error) {
    const timedOut = signal.aborted && !stop.aborted;
    const detail = error instanceof Error ? error.message : String(error);
    return { error: timedOut ? 'timeout' : 'network', detail };
  }
}

/** The answers the callback guide says are retried; anything else that is not 200 is final. */
const RETRIED_STATUSES: readonly number[] = [429, 500, 503, 504, 509];

export function isRetryable(outcome: PostOutcome, retryOn: 'listed-statuses' | 'any-non-200'): boolean {
  if (!('status' in outcome)) return true;
  if (outcome.status === 200) return false;
  return retryOn === 'any-non-200' || RETRIED_STATUSES.includes(outcome.status);
}

export function describeOutcome(outcome: PostOutcome): string {
  return 'status' in outcome ? `HTTP ${outcome.status}` : `${outcome.error}: ${outcome.detail}`;
}
