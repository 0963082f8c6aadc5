import type { stickersEn } from './stickers-en';

/** Instellingen → QR-stickers. */
export const stickersNl: typeof stickersEn = {
  stickers: {
    title: 'QR-stickers',
    explained:
      'Druk een QR-code af voor je betaalzone. Een vaste sticker hoort bij één kassa: de kassa stuurt elk bedrag, de betaler scant de sticker. Een configureerbare code draagt zelf een bedrag, referentie en omschrijving.',
    kind: 'Soort sticker',
    kinds: {
      fixed: 'Vaste sticker (PDF)',
      configurable: 'Configureerbare code',
      reissue: 'Oude sticker opnieuw uitgeven',
    },
    make: {
      fixed: 'PDF downloaden',
      configurable: 'QR-code maken',
      reissue: 'Opnieuw uitgeven op pay.bancontact.net',
    },
    fields: {
      ppid: 'Betaalprofiel-id (PPID)',
      shopName: 'Naam van de winkel',
      posId: 'POS-id van de kassa',
      amount: 'Bedrag (€)',
      reference: 'Referentie',
      description: 'Omschrijving',
      oldPayload: 'Link van de oude sticker',
      language: 'Taal van de sticker',
      format: 'Formaat',
      size: 'Grootte',
    },
    hints: {
      posId: 'Het POS-id van deze kassa: 1 tot 36 letters en cijfers.',
      amount: 'Laat leeg om de betaler het bedrag te laten invullen.',
      oldPayload:
        'De link die de oude sticker bevat (scan hem) of de link van de QR-generator waarmee hij gemaakt is.',
      shopForFixed: 'Alleen voor een vaste sticker: de winkelnaam die erop staat.',
    },
    languages: { nl: 'Nederlands', fr: 'Français', en: 'English', de: 'Deutsch' },
    formats: { png: 'PNG', svg: 'SVG' },
    sizes: { S: 'S (180 px)', M: 'M (250 px)', L: 'L (400 px)', XL: 'XL (800 px)' },
    problems: {
      required: '{{field}}: verplicht.',
      invalid: '{{field}}: ongeldig.',
      tooLong: '{{field}}: hoogstens {{max}} tekens.',
      tooLongShop: '{{field}}: hoogstens {{maxShop}} tekens.',
      tooSmall: '{{field}}: minstens € 0,01.',
      tooLarge: '{{field}}: hoogstens € 9.999,99.',
      unknownSticker: '{{field}}: dit is geen link van een Bancontact- of Payconiq-sticker.',
    },
    made: '{{file}} opgeslagen. De code bevat:',
  },
};
