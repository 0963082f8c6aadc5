/**
 * ECDSA signature encodings. JWS (RFC 7518) uses the raw 64-byte r‖s form; some Bancontact callbacks were
 * seen carrying the ASN.1 DER form instead, which the simulator reproduces as a fault.
 */
function derInteger(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  // A leading 1 bit would read as negative, so DER prefixes a zero byte.
  const pad = (trimmed[0] ?? 0) & 0x80 ? [0] : [];
  return Uint8Array.from([0x02, trimmed.length + pad.length, ...pad, ...trimmed]);
}

export function rawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length !== 64) throw new Error('An ES256 signature is 64 bytes');
  const r = derInteger(raw.subarray(0, 32));
  const s = derInteger(raw.subarray(32));
  return Uint8Array.from([0x30, r.length + s.length, ...r, ...s]);
}
