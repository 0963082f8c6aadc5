import type { Catalogue } from './en';
import type { refundKeysEn } from './refund-keys-en';

export const refundKeysNl: Catalogue<typeof refundKeysEn> = {
  refundKeys: {
    title: 'Terugbetalingen via Bancontact',
    explained:
      'Bancontact aanvaardt alleen terugbetalingen die met uw eigen sleutel ondertekend zijn. Bezorg Bancontact eenmaal het publieke deel: download het bestand hieronder, of geef hen de URL. Het private deel verlaat dit station nooit.',
    profile: 'Betaalprofiel',
    keyId: 'Sleutel-id',
    oldKeysKept: '(oudere sleutels blijven nog 7 dagen gepubliceerd: {{count}})',
    jwksUrl: 'URL voor Bancontact',
    noPublicUrl:
      'Stel hierboven een publieke URL in om Bancontact een URL te geven; bezorg tot dan het bestand.',
    download: 'Publieke sleutel (JWKS) voor Bancontact downloaden',
    rotate: 'Nieuwe sleutel maken',
    rotateQuestion: 'Een nieuwe ondertekeningssleutel maken?',
    rotateExplained:
      'Terugbetalingen via Bancontact worden geweigerd tot Bancontact de nieuwe publieke sleutel heeft: bezorg meteen het nieuwe bestand (of laat hen de URL opnieuw lezen). De oude sleutel blijft 7 dagen gepubliceerd.',
    rotateYes: 'Ja, nieuwe sleutel maken',
    rotateNo: 'Annuleren',
  },
};
