/** L’écran client : ce que lit le client, en grands caractères. */
export const customerFr = {
  customer: {
    welcome: 'Bienvenue',
    idle: 'Le montant à payer s’affichera ici.',
    toPay: 'À payer',
    sticker: {
      prompt: 'Scannez l’autocollant au comptoir',
      waiting: 'Utilisez l’app Bancontact ou votre app bancaire',
    },
    parts: {
      total: 'Total',
      paid: 'Déjà payé',
      remains: 'Reste à payer ensuite',
      stillToPay: 'Reste à payer',
      between: 'Partie payée, merci. Le reste suit.',
    },
    phase: {
      creating: 'Un instant, s’il vous plaît…',
      waiting: 'Scannez le code QR avec l’app Bancontact ou votre app bancaire',
      scanned: 'Confirmez le paiement dans votre app',
      paid: 'Payé — merci',
      refused: 'Le paiement a été refusé',
      expired: 'Ce code QR a expiré',
      cancelled: 'Le paiement a été annulé',
      failed: 'Le paiement n’a pas abouti',
    },
  },
  customerOutcome: {
    tendered: 'Donné',
    change: 'Votre monnaie',
    balanceLeft: 'Reste sur votre bracelet',
    paidBancontact: 'Payé avec Bancontact',
    paidCash: 'Payé en espèces',
    paidWristband: 'Payé avec votre bracelet',
  },
};
