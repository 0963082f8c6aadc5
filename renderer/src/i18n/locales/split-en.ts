/** A sale paid in parts at the till (split tenders) (English, the reference). */
export const splitEn = {
  split: {
    total: 'Total',
    due: 'Still due',
    payRest: 'Pay the rest ({{amount}}) by:',
    method: { bancontact: 'Bancontact', cash: 'Cash', wristband: 'Wristband' },
    status: {
      pending: 'waiting',
      succeeded: 'paid',
      cancelled: 'cancelled',
      expired: 'expired',
      refused: 'refused',
      failed: 'failed',
    },
    takeBalance: 'Take {{amount}} from the wristband, rest by another tender',
    cancelSale: 'Cancel sale',
    cancelAsk: 'Cancel this sale? Everything already paid goes back:',
    giveBack: {
      wristband: '{{amount}} back onto wristband {{id}}',
      cash: '{{amount}} in cash out of the drawer',
      bancontact: '{{amount}} refunded by Bancontact',
    },
    confirmCancel: 'Cancel the sale and give back',
    keepSale: 'Keep the sale',
    split: 'Split the payment',
    partLabel: 'Amount of this part',
    partBy: 'Pay this part by:',
    back: 'Back',
    partZero: 'The amount of this part must be more than zero.',
    partNotBelow:
      'The amount of this part must be less than {{amount}}, what is still due. To pay all of it, choose the method without splitting.',
    partOfRest: 'Pay part of the rest',
    partOf: 'Part of {{total}}; {{rest}} still due after it',
    cashDetail: 'received {{received}}, give back {{change}}',
    toTheCent: 'A part before the last is taken to the cent: only the last part is rounded.',
  },
} as const;
