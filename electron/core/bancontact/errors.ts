/**
 * Why a call to Bancontact did not give an answer we can use. `malformed_key`: the API key cannot be
 * sent as a header at all, so no request left the station.
 */
export type BancontactFailureKind = 'api' | 'timeout' | 'network' | 'protocol' | 'malformed_key';

export class BancontactError extends Error {
  constructor(
    readonly kind: BancontactFailureKind,
    message: string,
    /** HTTP status, for kind 'api'. */
    readonly status: number | null = null,
    /** Bancontact's error `code`, `traceId` and `spanId`, when its error body came back. */
    readonly code: string | null = null,
    readonly traceId: string | null = null,
    readonly spanId: string | null = null,
  ) {
    super(message);
    this.name = 'BancontactError';
  }

  get isAuthFailure(): boolean {
    return this.kind === 'api' && (this.status === 401 || this.status === 403);
  }

  /** True when the same call may work later: the request never got a definite answer. */
  get isTransient(): boolean {
    if (this.kind !== 'api') return this.kind === 'timeout' || this.kind === 'network';
    return this.status === 429 || (this.status !== null && this.status >= 500);
  }
}
