/** The customer display: what the customer reads, in big type (English, the reference). */
export const customerEn = {
  customer: {
    welcome: 'Welcome',
    idle: 'The amount to pay will appear here.',
    toPay: 'To pay',
    sticker: {
      prompt: 'Scan the sticker at the counter',
      waiting: 'Use the Bancontact app or your banking app',
    },
    parts: {
      total: 'Total',
      paid: 'Already paid',
      remains: 'Still to pay after this',
      stillToPay: 'Still to pay',
      between: 'Part paid, thank you. The rest comes next.',
    },
    phase: {
      creating: 'One moment, please…',
      waiting: 'Scan the QR code with the Bancontact app or your banking app',
      scanned: 'Confirm the payment in your app',
      paid: 'Paid — thank you',
      refused: 'The payment was refused',
      expired: 'This QR code has expired',
      cancelled: 'The payment was cancelled',
      failed: 'The payment did not go through',
    },
  },
  customerOutcome: {
    tendered: 'Given',
    change: 'Your change',
    balanceLeft: 'Left on your wristband',
    paidBancontact: 'Paid with Bancontact',
    paidCash: 'Paid in cash',
    paidWristband: 'Paid with your wristband',
  },
};
