/**
 * Seed 004 shows no error body, so the simulator answers one documented shape for every refusal
 * (docs/ppro-simulator.md): `{ status, failureType, failureMessage, errors? }`.
 */
export interface FieldError {
  field: string;
  message: string;
}

export interface PproErrorBody {
  status: number;
  failureType: string;
  failureMessage: string;
  errors?: FieldError[];
}

export class PproError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 500 | 503,
    readonly failureType: string,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
  }

  body(): PproErrorBody {
    const body: PproErrorBody = {
      status: this.status,
      failureType: this.failureType,
      failureMessage: this.message,
    };
    if (this.errors !== undefined) body.errors = this.errors;
    return body;
  }
}
