import { maxInputBytesOf, type ContractError } from '../../../shared/contract';

/** The message both shells give for an oversized input; English, for logs and developers. */
export function tooLargeMessage(method: string, limit: number): string {
  return `The input of ${method || 'this method'} is larger than the ${limit} bytes it takes`;
}

/**
 * PAYLOAD_TOO_LARGE when `input`, written as JSON, is larger than `method` takes; null when it fits.
 * The HTTP shell has already bounded the raw body by the same limit before reading it; this is the
 * same rule for the desktop window's IPC, whose input arrives already parsed.
 */
export function oversizedInput(method: string, input: unknown): ContractError | null {
  let json: string | undefined;
  try {
    json = JSON.stringify(input ?? {});
  } catch {
    // Cycles or BigInts: nothing the contract's JSON-safe inputs could ever hold.
    return { code: 'MALFORMED_REQUEST', message: 'The input is not JSON' };
  }
  const limit = maxInputBytesOf(method);
  if (json === undefined || Buffer.byteLength(json, 'utf8') <= limit) return null;
  return { code: 'PAYLOAD_TOO_LARGE', message: tooLargeMessage(method, limit) };
}
