import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

/** The kinds of Bancontact payment profile a shop has (seed 000 *Shops and products*). */
export const PROFILE_KINDS = ['display', 'sticker', 'topup'] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];

/**
 * The profile today's single PPID became: the first shop's display profile. Its key keeps the entry it
 * always had in the secret store, so the command lines and a site's stations find it where they did.
 */
export const MAIN_PROFILE_ID = 'main';

/** Upper case without spaces: how an IBAN is stored and shown to the bank. */
export function normalIban(input: string): string {
  return electronicFormatIBAN(input) ?? input.replace(/\s+/g, '').toUpperCase();
}

/** True for an IBAN whose country format and check digits hold (ibantools, ISO 13616). */
export function ibanHolds(input: string): boolean {
  return isValidIBAN(normalIban(input));
}
