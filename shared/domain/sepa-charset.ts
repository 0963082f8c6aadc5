/**
 * The SEPA basic Latin set (EPC217-08): what Bancontact accepts in a payment's description and reference.
 * Accents, `€`, `&` and `_` are outside it; banks would mangle them in the remittance information.
 */
export const SEPA_TEXT = /^[A-Za-z0-9 /\-?:().,'+]*$/;

/** True when `text` has 1 … `maxLength` characters, all in the SEPA set. */
export function isSepaText(text: string, maxLength: number): boolean {
  return text.length >= 1 && text.length <= maxLength && SEPA_TEXT.test(text);
}
