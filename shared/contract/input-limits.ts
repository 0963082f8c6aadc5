import { DEFAULT_MAX_INPUT_BYTES, type MethodSpec } from './method-spec';
import { isMethodName, methods } from './methods';

export { DEFAULT_MAX_INPUT_BYTES } from './method-spec';

/**
 * Bancontact's callbacks are a payment object of well under 2 KB (ids, amount, status, debtor, links);
 * 16 KiB leaves room for fields Bancontact may add and still bounds what a forger can make the station
 * read, hash and verify per request.
 */
export const MAX_CALLBACK_BYTES = 16 * 1024;

/** The largest input, in bytes of its JSON, that `method` takes; the default for a method that does not exist. */
export function maxInputBytesOf(method: string): number {
  if (!isMethodName(method)) return DEFAULT_MAX_INPUT_BYTES;
  const spec: MethodSpec = methods[method];
  return spec.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
}
