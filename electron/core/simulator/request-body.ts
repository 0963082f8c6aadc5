import type { Context } from 'hono';
import type { z } from 'zod';
import { bodyMissing, fieldInvalid, fieldRequired } from './errors';

/**
 * The JSON body of a request. An empty body and one that is not JSON both answer 400 BODY_MISSING: the
 * spec has no code for unreadable JSON, and Spring (which the real API runs on) reports both the same way.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') throw bodyMissing();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw bodyMissing();
  }
}

/** The body as a JSON object with null members removed: Jackson-style backends treat `null` as absent. */
export function asRequestObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bodyMissing();
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
}

/**
 * Parses with a zod schema and turns the first issue into the spec's error codes: a missing top-level
 * field is FIELD_IS_REQUIRED, anything else FIELD_IS_INVALID naming the field.
 */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  body: unknown,
  { keepNulls = false }: { keepNulls?: boolean } = {},
): z.output<S> {
  // The control API uses null to mean "switch off", so it keeps them.
  const request = keepNulls ? { ...asRequestObject(body), ...(body as object) } : asRequestObject(body);
  const result = schema.safeParse(request);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'body';
  const top = issue?.path[0];
  if (typeof top === 'string' && request[top] === undefined) throw fieldRequired(top);
  throw fieldInvalid(field, issue?.message ?? 'invalid value');
}
