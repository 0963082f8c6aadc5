/**
 * The words printed on a receipt, in the receipt's language (the till's, not the screen's): one
 * catalogue for the paper, the PDF and the preview on screen, so the three say the same.
 */
export interface ReceiptTexts {
  receipt: string;
  refundReceipt: string;
  till: string;
  cashier: string;
  vatNumber: string;
  subtotal: string;
  discount: string;
  lineDiscount: string;
  total: string;
  vatHeader: [string, string, string, string];
  tenders: Record<'bancontact' | 'wristband' | 'cash' | 'agreement', string>;
  tendered: string;
  change: string;
  rounding: string;
  note: string;
  thanks: string;
  training: string;
  copy: string;
  /** A sale from before articles: one line of its amount. */
  amountLine: string;
}

export const RECEIPT_TEXTS: Record<'nl' | 'fr' | 'en', ReceiptTexts> = {
  nl: {
    receipt: 'Kasticket',
    refundReceipt: 'Terugbetaling',
    till: 'Kassa',
    cashier: 'Kassier',
    vatNumber: 'btw',
    subtotal: 'Subtotaal',
    discount: 'Korting',
    lineDiscount: 'korting',
    total: 'TOTAAL',
    vatHeader: ['Tarief', 'Netto', 'Btw', 'Totaal'],
    tenders: {
      bancontact: 'Bancontact',
      wristband: 'Polsbandje',
      cash: 'Contant',
      agreement: 'Bancontact terugkerend',
    },
    tendered: 'Ontvangen',
    change: 'Wisselgeld',
    rounding: 'Afronding',
    note: 'Opmerking',
    thanks: 'Bedankt en tot ziens!',
    training: 'OPLEIDING - geen kasticket',
    copy: 'KOPIE',
    amountLine: 'Bedrag',
  },
  fr: {
    receipt: 'Ticket de caisse',
    refundReceipt: 'Remboursement',
    till: 'Caisse',
    cashier: 'Caissier',
    vatNumber: 'TVA',
    subtotal: 'Sous-total',
    discount: 'Remise',
    lineDiscount: 'remise',
    total: 'TOTAL',
    vatHeader: ['Taux', 'HTVA', 'TVA', 'TVAC'],
    tenders: {
      bancontact: 'Bancontact',
      wristband: 'Bracelet',
      cash: 'Espèces',
      agreement: 'Bancontact récurrent',
    },
    tendered: 'Reçu',
    change: 'Rendu',
    rounding: 'Arrondi',
    note: 'Remarque',
    thanks: 'Merci et à bientôt !',
    training: 'FORMATION - pas un ticket de caisse',
    copy: 'COPIE',
    amountLine: 'Montant',
  },
  en: {
    receipt: 'Receipt',
    refundReceipt: 'Refund',
    till: 'Till',
    cashier: 'Cashier',
    vatNumber: 'VAT',
    subtotal: 'Subtotal',
    discount: 'Discount',
    lineDiscount: 'discount',
    total: 'TOTAL',
    vatHeader: ['Rate', 'Net', 'VAT', 'Gross'],
    tenders: {
      bancontact: 'Bancontact',
      wristband: 'Wristband',
      cash: 'Cash',
      agreement: 'Bancontact recurring',
    },
    tendered: 'Tendered',
    change: 'Change',
    rounding: 'Rounding',
    note: 'Note',
    thanks: 'Thank you!',
    training: 'TRAINING - not a receipt',
    copy: 'COPY',
    amountLine: 'Amount',
  },
};
