import type { splitEn } from './split-en';
import type { Catalogue } from './en';

/** Een verkoop die in delen betaald wordt aan de kassa (gesplitste betaling) (Nederlands). */
export const splitNl: Catalogue<typeof splitEn> = {
  split: {
    total: 'Totaal',
    due: 'Nog te betalen',
    payRest: 'Betaal de rest ({{amount}}) met:',
    method: { bancontact: 'Bancontact', cash: 'Contant', wristband: 'Polsbandje' },
    status: {
      pending: 'wacht',
      succeeded: 'betaald',
      cancelled: 'geannuleerd',
      expired: 'verlopen',
      refused: 'geweigerd',
      failed: 'mislukt',
    },
    takeBalance: 'Neem {{amount}} van het polsbandje, de rest met een ander betaalmiddel',
    cancelSale: 'Verkoop annuleren',
    cancelAsk: 'Deze verkoop annuleren? Alles wat al betaald is, gaat terug:',
    giveBack: {
      wristband: '{{amount}} terug op polsbandje {{id}}',
      cash: '{{amount}} contant uit de lade',
      bancontact: '{{amount}} terugbetaald via Bancontact',
    },
    confirmCancel: 'Verkoop annuleren en teruggeven',
    keepSale: 'Verkoop houden',
    split: 'Betaling splitsen',
    partLabel: 'Bedrag van dit deel',
    partBy: 'Betaal dit deel met:',
    back: 'Terug',
    partZero: 'Het bedrag van dit deel moet meer dan nul zijn.',
    partNotBelow:
      'Het bedrag van dit deel moet kleiner zijn dan {{amount}}, wat nog te betalen is. Om alles te betalen, kies het betaalmiddel zonder te splitsen.',
    partOfRest: 'Betaal een deel van de rest',
    partOf: 'Deel van {{total}}; daarna nog {{rest}} te betalen',
    cashDetail: 'ontvangen {{received}}, geef {{change}} terug',
    toTheCent:
      'Een deel vóór het laatste wordt tot op de cent genomen: alleen het laatste deel wordt afgerond.',
  },
};
