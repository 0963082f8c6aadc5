/**
 * IBANs as ISO 13616 defines them: two letters, two check digits, then up to 30 letters and digits.
 * Spaces are how people write them, never part of them.
 */

/** Upper case without spaces: the form stored and written to SEPA files. */
export function compactIban(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** True when the text (spaces allowed) is an IBAN whose mod-97 check holds. */
export function isValidIban(input: string): boolean {
  const iban = compactIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  // Letters count as 10…35; the remainder is taken digit by digit so the number never overflows.
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : Number(char);
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

/** Enough to recognise an account, not enough to use it: country, then only the last four characters. */
export function maskIban(input: string): string {
  const iban = compactIban(input);
  if (iban.length <= 6) return '*'.repeat(iban.length);
  return `${iban.slice(0, 2)}${'*'.repeat(iban.length - 6)}${iban.slice(-4)}`;
}
