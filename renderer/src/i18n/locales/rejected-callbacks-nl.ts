import type { rejectedCallbacksEn } from './rejected-callbacks-en';

/** De geweigerde callbacks op het afsluitscherm (Nederlands). */
export const rejectedCallbacksNl: typeof rejectedCallbacksEn = {
  rejectedCallbacks: {
    title: 'Geweigerde callbacks',
    explained:
      'Callbacks waarvan de handtekening niet klopte, geteld per uur; de eerste van elk uur worden bewaard om te bekijken. Kassa antwoordde met een fout en heeft er geen enkele verwerkt.',
    none: 'Er is nog geen callback geweigerd.',
    refresh: 'Vernieuwen',
    time: 'Ontvangen',
    reason: 'Reden',
    detail: 'Details',
    hour: 'Uur',
    count: 'Geweigerd',
    samples: 'De eerste ontvangen',
    profile: 'profiel {{ppid}}',
    moreCounted: 'Geteld, niet bewaard: {{number}}',
    reasons: {
      MISSING_SIGNATURE: 'Geen handtekening',
      MALFORMED_SIGNATURE: 'Onleesbare handtekening',
      WRONG_ALGORITHM: 'Verkeerd algoritme',
      WRONG_CRIT: 'Verkeerde kritieke claims',
      WRONG_ISSUER: 'Verkeerde afzender',
      WRONG_SUBJECT: 'Ander betaalprofiel',
      WRONG_PATH: 'Naar een ander adres gestuurd',
      BAD_IAT: 'Ongeldig ondertekeningstijdstip',
      MISSING_JTI: 'Geen callback-id',
      UNKNOWN_KEY: 'Onbekende sleutel',
      BAD_SIGNATURE: 'Handtekening klopt niet',
      JWKS_UNAVAILABLE: 'Sleutels van Bancontact onbereikbaar',
      MALFORMED_BODY: 'Onleesbare inhoud',
    },
  },
};
