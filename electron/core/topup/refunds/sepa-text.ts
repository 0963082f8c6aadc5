/**
 * SEPA credit transfers carry only the EPC's basic Latin set: a-z A-Z 0-9, space and / - ? : ( ) . , ' +.
 * Names such as "Jérôme & Zoë" are transliterated (accents dropped, & as +) rather than refused, since
 * a payer's name is whatever Bancontact reported.
 */
export function sepaText(input: string, maxLength: number): string {
  const text = input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, '+')
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.slice(0, maxLength).trim();
}

/** Cents as the files write euros: two decimals, a point, no grouping. */
export function euros(cents: number): string {
  const whole = Math.floor(cents / 100);
  return `${whole}.${String(cents % 100).padStart(2, '0')}`;
}

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
