import type { StickerLanguage } from '../../../shared/domain/sticker-payload';

/** What a fixed sticker says to the payer, in the sticker's own language (the shop's payers speak it). */
export interface StickerTexts {
  title: string;
  steps: [string, string, string];
  till: string;
}

export const STICKER_TEXTS: Record<StickerLanguage, StickerTexts> = {
  nl: {
    title: 'Betaal hier met je bankapp',
    steps: [
      '1. Open je bankapp of de Bancontact-app.',
      '2. Scan deze QR-code.',
      '3. Controleer het bedrag en bevestig.',
    ],
    till: 'Kassa',
  },
  fr: {
    title: 'Payez ici avec votre app bancaire',
    steps: [
      '1. Ouvrez votre app bancaire ou l\u2019app Bancontact.',
      '2. Scannez ce code QR.',
      '3. V\u00e9rifiez le montant et confirmez.',
    ],
    till: 'Caisse',
  },
  en: {
    title: 'Pay here with your banking app',
    steps: [
      '1. Open your banking app or the Bancontact app.',
      '2. Scan this QR code.',
      '3. Check the amount and confirm.',
    ],
    till: 'Till',
  },
  de: {
    title: 'Hier mit Ihrer Banking-App bezahlen',
    steps: [
      '1. \u00d6ffnen Sie Ihre Banking-App oder die Bancontact-App.',
      '2. Scannen Sie diesen QR-Code.',
      '3. Betrag pr\u00fcfen und best\u00e4tigen.',
    ],
    till: 'Kasse',
  },
};
