import type { Locale } from '../../../../shared/domain/money';

/** The words on a printed X or Z report, in the station's language. */
export interface PdfLabels {
  xTitle: string;
  zTitle: string;
  businessDay: string;
  generated: string;
  closed: string;
  sales: string;
  byMethod: string;
  byVat: string;
  /** Sale refunds of the day, negative (docs/register.md, "Refunds"). */
  saleRefundsByMethod: string;
  saleRefundsByVat: string;
  vatHeader: [string, string, string, string];
  byShop: string;
  byTill: string;
  byCashier: string;
  notPaid: string;
  cancelled: string;
  expired: string;
  refused: string;
  failed: string;
  wristbands: string;
  topUps: string;
  automaticTopUps: string;
  spent: string;
  refunds: string;
  outstanding: string;
  cash: string;
  cashSales: string;
  rounding: string;
  expected: string;
  counted: string;
  difference: string;
  drawer: string;
  notCounted: string;
  hourly: string;
  methods: Record<string, string>;
}

const en: PdfLabels = {
  xTitle: 'X report (snapshot)',
  zTitle: 'Z report',
  businessDay: 'Business day',
  generated: 'Taken at',
  closed: 'Closed at',
  sales: 'Sales',
  byMethod: 'Per payment method',
  byVat: 'Per VAT rate',
  saleRefundsByMethod: 'Refunds per method',
  saleRefundsByVat: 'Refunds per VAT rate',
  vatHeader: ['Rate', 'Gross', 'Net', 'VAT'],
  byShop: 'Per shop',
  byTill: 'Per till',
  byCashier: 'Per cashier',
  notPaid: 'Bancontact payments not paid (counted, not totalled)',
  cancelled: 'Cancelled',
  expired: 'Expired',
  refused: 'Refused',
  failed: 'Failed',
  wristbands: 'Wristbands',
  topUps: 'Top-ups received',
  automaticTopUps: 'Automatic top-ups (Bancontact)',
  spent: 'Spent with wristbands',
  refunds: 'Refunded',
  outstanding: 'Outstanding balance',
  cash: 'Cash',
  cashSales: 'Cash payments',
  rounding: 'Rounding to 5 cents',
  expected: 'Cash expected',
  counted: 'Cash counted',
  difference: 'Difference',
  drawer: 'Drawer',
  notCounted: 'not counted yet',
  hourly: 'Sales per hour',
  methods: {
    bancontact_display: 'Bancontact (display)',
    bancontact_sticker: 'Bancontact (sticker)',
    wristband: 'Wristband',
    cash: 'Cash',
    agreement: 'Bancontact recurring',
    agreement_topup: 'Automatic top-up (Bancontact)',
  },
};

const nl: PdfLabels = {
  xTitle: 'X-rapport (momentopname)',
  zTitle: 'Z-rapport',
  businessDay: 'Verkoopdag',
  generated: 'Genomen om',
  closed: 'Afgesloten om',
  sales: 'Verkopen',
  byMethod: 'Per betaalwijze',
  byVat: 'Per btw-tarief',
  saleRefundsByMethod: 'Terugbetalingen per betaalwijze',
  saleRefundsByVat: 'Terugbetalingen per btw-tarief',
  vatHeader: ['Tarief', 'Bruto', 'Netto', 'Btw'],
  byShop: 'Per winkel',
  byTill: 'Per kassa',
  byCashier: 'Per kassier',
  notPaid: 'Niet betaalde Bancontact-betalingen (geteld, niet opgeteld)',
  cancelled: 'Geannuleerd',
  expired: 'Verlopen',
  refused: 'Geweigerd',
  failed: 'Mislukt',
  wristbands: 'Polsbandjes',
  topUps: 'Ontvangen opladingen',
  automaticTopUps: 'Automatische opwaarderingen (Bancontact)',
  spent: 'Besteed met polsbandjes',
  refunds: 'Terugbetaald',
  outstanding: 'Openstaand saldo',
  cash: 'Contant',
  cashSales: 'Contante betalingen',
  rounding: 'Afronding op 5 cent',
  expected: 'Verwacht contant',
  counted: 'Geteld contant',
  difference: 'Verschil',
  drawer: 'Lade',
  notCounted: 'nog niet geteld',
  hourly: 'Verkopen per uur',
  methods: {
    bancontact_display: 'Bancontact (scherm)',
    bancontact_sticker: 'Bancontact (sticker)',
    wristband: 'Polsbandje',
    cash: 'Contant',
    agreement: 'Bancontact terugkerend',
    agreement_topup: 'Automatische opwaardering (Bancontact)',
  },
};

const fr: PdfLabels = {
  xTitle: 'Rapport X (instantané)',
  zTitle: 'Rapport Z',
  businessDay: 'Journée de vente',
  generated: 'Pris à',
  closed: 'Clôturé à',
  sales: 'Ventes',
  byMethod: 'Par moyen de paiement',
  byVat: 'Par taux de TVA',
  saleRefundsByMethod: 'Remboursements par moyen de paiement',
  saleRefundsByVat: 'Remboursements par taux de TVA',
  vatHeader: ['Taux', 'Brut', 'Net', 'TVA'],
  byShop: 'Par magasin',
  byTill: 'Par caisse',
  byCashier: 'Par caissier',
  notPaid: 'Paiements Bancontact non payés (comptés, non totalisés)',
  cancelled: 'Annulés',
  expired: 'Expirés',
  refused: 'Refusés',
  failed: 'Échoués',
  wristbands: 'Bracelets',
  topUps: 'Recharges reçues',
  automaticTopUps: 'Recharges automatiques (Bancontact)',
  spent: 'Dépensé avec les bracelets',
  refunds: 'Remboursé',
  outstanding: 'Solde en cours',
  cash: 'Espèces',
  cashSales: 'Paiements en espèces',
  rounding: 'Arrondi à 5 cents',
  expected: 'Espèces attendues',
  counted: 'Espèces comptées',
  difference: 'Différence',
  drawer: 'Tiroir',
  notCounted: 'pas encore compté',
  hourly: 'Ventes par heure',
  methods: {
    bancontact_display: 'Bancontact (écran)',
    bancontact_sticker: 'Bancontact (autocollant)',
    wristband: 'Bracelet',
    cash: 'Espèces',
    agreement: 'Bancontact récurrent',
    agreement_topup: 'Recharge automatique (Bancontact)',
  },
};

export const PDF_LABELS: Record<Locale, PdfLabels> = { en, nl, fr };
