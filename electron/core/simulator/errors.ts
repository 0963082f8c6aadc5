import { randomBytes } from 'node:crypto';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The error body every Payment V3 operation answers with (all four fields are required by the spec). */
export interface SimErrorBody {
  code: string;
  message: string;
  traceId: string;
  spanId: string;
}

/**
 * A failure that maps one-to-one to an HTTP answer. Thrown from anywhere in the simulator and turned into
 * `{code, message, traceId, spanId}` by the app's error handler, so route code never builds error bodies.
 */
export class SimError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;

  constructor(status: ContentfulStatusCode, code: string, message: string) {
    super(message);
    this.name = 'SimError';
    this.status = status;
    this.code = code;
  }
}

/** 16 lowercase hex characters, the shape of the traceId/spanId Bancontact returns. */
export function newTraceId(): string {
  return randomBytes(8).toString('hex');
}

export function errorBody(code: string, message: string): SimErrorBody {
  return { code, message, traceId: newTraceId(), spanId: newTraceId() };
}

export const paymentNotFound = (): SimError => new SimError(404, 'PAYMENT_NOT_FOUND', 'Payment not found');

export const fieldRequired = (field: string): SimError =>
  new SimError(400, 'FIELD_IS_REQUIRED', `Field '${field}' is mandatory`);

export const fieldInvalid = (field: string, why: string): SimError =>
  new SimError(400, 'FIELD_IS_INVALID', `Field '${field}' is invalid: ${why}`);

export const bodyMissing = (): SimError =>
  new SimError(400, 'BODY_MISSING', 'Request body is missing or is not a JSON object');
