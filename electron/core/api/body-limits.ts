import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_CALLBACK_BYTES, maxInputBytesOf, type Result } from '../../../shared/contract';
import { tooLargeMessage } from './input-size';

/**
 * `/api/<method>` takes at most that method's `maxInputBytes` (the default for unknown methods). A
 * declared Content-Length above it is refused before a byte of the body is read; a chunked body, or
 * one whose length was not declared, is cut off as soon as it passes the limit, so no request holds
 * more than the limit in memory.
 */
export function apiBodyLimit(): MiddlewareHandler {
  return async (c, next) => {
    const method = methodOf(c.req.path);
    const limit = maxInputBytesOf(method);
    const guard = bodyLimit({
      maxSize: limit,
      onError: (ctx) => tooLarge(ctx, tooLargeMessage(method, limit)),
    });
    return guard(c, next);
  };
}

/** `/callbacks/<ppid>`: Bancontact's callbacks are small (see MAX_CALLBACK_BYTES), whoever sends them. */
export function callbackBodyLimit(): MiddlewareHandler {
  return bodyLimit({
    maxSize: MAX_CALLBACK_BYTES,
    onError: (c) => tooLarge(c, `A callback is at most ${MAX_CALLBACK_BYTES} bytes`),
  });
}

function methodOf(path: string): string {
  const name = path.slice(path.indexOf('/api/') + '/api/'.length);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function tooLarge(c: Context, message: string): Response {
  // The rest of the body is not wanted: closing the connection stops the sender instead of draining it.
  c.header('Connection', 'close');
  const body: Result<never> = { ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message } };
  return c.json(body, 413);
}
