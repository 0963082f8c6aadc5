/**
 * The SEPA basic Latin set (EPC217-08): what Bancontact accepts in a payment's description and reference.
 * Accents, `€`, `&` and `_` are outside it; banks would mangle them in the remittance information.
 */
export const SEPA_TEXT = /^[A-Za-z0-9 /\-?:().,'+]*$/;

/** True when `text` has 1 … `maxLength` characters, all in the SEPA set. */
export function isSepaText(text: string, maxLength: number): boolean {
  return text.length >= 1 && text.length <= maxLength && SEPA_TEXT.test(text);
}

/**
 * The contract's input fields that only take SEPA text (a batch's description, and the reference the
 * station builds from it), so an error naming one can say which characters are allowed.
 * test/unit/field-labels.test.ts checks every schema field with SEPA_TEXT's pattern is listed.
 */
export const SEPA_TEXT_FIELDS: readonly string[] = ['description', 'reference'];
