/** Het klantenscherm: wat de klant leest, in grote letters. */
export const customerNl = {
  customer: {
    welcome: 'Welkom',
    idle: 'Het te betalen bedrag verschijnt hier.',
    toPay: 'Te betalen',
    sticker: {
      prompt: 'Scan de sticker aan de kassa',
      waiting: 'Gebruik de Bancontact-app of uw bankapp',
    },
    parts: {
      total: 'Totaal',
      paid: 'Al betaald',
      remains: 'Daarna nog te betalen',
      stillToPay: 'Nog te betalen',
      between: 'Deel betaald, dank u. De rest volgt.',
    },
    phase: {
      creating: 'Een ogenblik geduld…',
      waiting: 'Scan de QR-code met de Bancontact-app of uw bankapp',
      scanned: 'Bevestig de betaling in uw app',
      paid: 'Betaald — dank u wel',
      refused: 'De betaling werd geweigerd',
      expired: 'Deze QR-code is verlopen',
      cancelled: 'De betaling werd geannuleerd',
      failed: 'De betaling is niet gelukt',
    },
  },
  customerOutcome: {
    tendered: 'Gegeven',
    change: 'Uw wisselgeld',
    balanceLeft: 'Nog op uw polsbandje',
    paidBancontact: 'Betaald met Bancontact',
    paidCash: 'Contant betaald',
    paidWristband: 'Betaald met uw polsbandje',
  },
};
