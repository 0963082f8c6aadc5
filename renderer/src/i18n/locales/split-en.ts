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
  },
} as const;
