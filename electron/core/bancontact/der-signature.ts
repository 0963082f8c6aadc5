import { base64url } from 'jose';

/** An ES256 signature in JWS form (RFC 7518 §3.4) is r‖s, each left-padded to 32 bytes. */
const COORDINATE_BYTES = 32;
export const RAW_SIGNATURE_BYTES = 2 * COORDINATE_BYTES;

const DER_SEQUENCE = 0x30;
const DER_INTEGER = 0x02;

interface DerInteger {
  value: Uint8Array;
  next: number;
}

/**
 * Reads one positive DER INTEGER at `at`. Only the short length form occurs for P-256 (at most 33
 * bytes), so anything else is not a P-256 signature.
 */
function readInteger(bytes: Uint8Array, at: number): DerInteger | undefined {
  if (bytes[at] !== DER_INTEGER) return undefined;
  const length = bytes[at + 1];
  if (length === undefined || length === 0 || length > COORDINATE_BYTES + 1) return undefined;
  const start = at + 2;
  const end = start + length;
  if (end > bytes.length) return undefined;
  const value = bytes.subarray(start, end);
  // A set top bit would make the integer negative; r and s are positive by definition.
  if ((value[0] ?? 0) & 0x80) return undefined;
  let first = 0;
  while (first < value.length - 1 && value[first] === 0) first++;
  const magnitude = value.subarray(first);
  if (magnitude.length > COORDINATE_BYTES) return undefined;
  return { value: magnitude, next: end };
}

/**
 * Converts an ASN.1 DER ECDSA-Sig-Value (`SEQUENCE { INTEGER r, INTEGER s }`) to raw r‖s. Returns
 * undefined unless the whole input is exactly one such sequence, so a truncated or padded signature
 * is never half-read.
 */
export function derToRaw(der: Uint8Array): Uint8Array | undefined {
  if (der[0] !== DER_SEQUENCE || der[1] === undefined || der[1] + 2 !== der.length) return undefined;
  const r = readInteger(der, 2);
  if (r === undefined) return undefined;
  const s = readInteger(der, r.next);
  if (s === undefined || s.next !== der.length) return undefined;
  const raw = new Uint8Array(RAW_SIGNATURE_BYTES);
  raw.set(r.value, COORDINATE_BYTES - r.value.length);
  raw.set(s.value, RAW_SIGNATURE_BYTES - s.value.length);
  return raw;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Decodes the signature part of the JWS to raw r‖s. Bancontact sends raw signatures, but some arrived
 * DER-encoded (reference §2.3), so a well-formed DER sequence is converted first. A raw signature that
 * also parses as a complete DER sequence would need ~40 fixed bits to line up, so trying DER first is
 * safe. Returns undefined for anything that is neither.
 */
export function decodeEs256Signature(encoded: string): Uint8Array | undefined {
  if (!BASE64URL.test(encoded)) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = base64url.decode(encoded);
  } catch {
    return undefined;
  }
  const fromDer = derToRaw(bytes);
  if (fromDer !== undefined) return fromDer;
  return bytes.length === RAW_SIGNATURE_BYTES ? bytes : undefined;
}
