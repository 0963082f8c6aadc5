import type { PlanPeriod } from '../../../shared/domain/recurring-plans';
import type { Locale } from '../../../shared/domain/money';

/** The words of a charge's e-mailed receipt, in the consumer's language (seed 004's mandatory data). */
export interface ChargeReceiptTexts {
  subject: (merchant: string, amount: string) => string;
  greeting: (name: string) => string;
  intro: (merchant: string) => string;
  merchant: string;
  vatNumber: string;
  dateTime: string;
  amount: string;
  vatLine: (rate: number) => string;
  net: string;
  description: string;
  whichCharge: string;
  planOf: (n: number, count: number, period: string) => string;
  planOpen: (n: number, period: string) => string;
  topup: (wristband: string, threshold: string, amount: string) => string;
  method: string;
  bancontact: string;
  chargeRef: string;
  agreementRef: string;
  nextCharge: string;
  noNextCharge: string;
  procedureTitle: string;
  refund: string;
  stop: string;
  contactBy: (email: string, phone: string) => string;
  quote: (ref: string) => string;
  periods: Record<PlanPeriod, string>;
  pending: string;
}

const either = (a: string, b: string, or: string): string => [a, b].filter(Boolean).join(` ${or} `);

export const CHARGE_RECEIPT_TEXTS: Record<Locale, ChargeReceiptTexts> = {
  nl: {
    subject: (m, a) => `Betalingsbewijs ${m}: ${a}`,
    greeting: (n) => `Beste ${n},`,
    intro: (m) => `${m} heeft deze betaling van uw rekening afgeschreven met uw Bancontact-betaalakkoord.`,
    merchant: 'Handelaar',
    vatNumber: 'Btw-nummer',
    dateTime: 'Datum en tijd',
    amount: 'Bedrag',
    vatLine: (r) => `Btw ${r}%`,
    net: 'Bedrag zonder btw',
    description: 'Omschrijving',
    whichCharge: 'Betaling',
    planOf: (n, c, p) => `betaling ${n} van ${c} (${p})`,
    planOpen: (n, p) => `betaling ${n}, ${p}, tot u ze stopzet`,
    topup: (w, t, a) => `automatisch opladen van polsbandje ${w}: onder ${t} wordt ${a} toegevoegd`,
    method: 'Betaalmethode',
    bancontact: 'Bancontact (terugkerende betaling)',
    chargeRef: 'Referentie van de betaling (PPRO)',
    agreementRef: 'Referentie van uw betaalakkoord (Kassa)',
    nextCharge: 'Volgende betaling',
    noNextCharge: 'Er volgt geen betaling meer op dit akkoord.',
    procedureTitle: 'Terugbetaling of stopzetting',
    refund: 'Om deze betaling terugbetaald te krijgen,',
    stop: 'of om verdere betalingen stop te zetten,',
    contactBy: (e, p) => `neemt u contact op met de handelaar: ${either(e, p, 'of')}.`,
    quote: (r) => `Vermeld de referentie van uw betaalakkoord: ${r}.`,
    periods: { week: 'wekelijks', month: 'maandelijks', quarter: 'per kwartaal', year: 'jaarlijks' },
    pending: 'nog niet bekend',
  },
  fr: {
    subject: (m, a) => `Reçu de paiement ${m} : ${a}`,
    greeting: (n) => `Bonjour ${n},`,
    intro: (m) => `${m} a prélevé ce paiement grâce à votre accord de paiement Bancontact.`,
    merchant: 'Commerçant',
    vatNumber: 'Numéro de TVA',
    dateTime: 'Date et heure',
    amount: 'Montant',
    vatLine: (r) => `TVA ${r} %`,
    net: 'Montant hors TVA',
    description: 'Description',
    whichCharge: 'Paiement',
    planOf: (n, c, p) => `paiement ${n} sur ${c} (${p})`,
    planOpen: (n, p) => `paiement ${n}, ${p}, jusqu'à ce que vous l'arrêtiez`,
    topup: (w, t, a) => `recharge automatique du bracelet ${w} : sous ${t}, ${a} est ajouté`,
    method: 'Moyen de paiement',
    bancontact: 'Bancontact (paiement récurrent)',
    chargeRef: 'Référence du paiement (PPRO)',
    agreementRef: 'Référence de votre accord de paiement (Kassa)',
    nextCharge: 'Prochain paiement',
    noNextCharge: 'Aucun autre paiement ne suivra sur cet accord.',
    procedureTitle: 'Remboursement ou arrêt',
    refund: 'Pour obtenir le remboursement de ce paiement,',
    stop: 'ou pour arrêter les paiements futurs,',
    contactBy: (e, p) => `contactez le commerçant : ${either(e, p, 'ou')}.`,
    quote: (r) => `Indiquez la référence de votre accord de paiement : ${r}.`,
    periods: {
      week: 'chaque semaine',
      month: 'chaque mois',
      quarter: 'chaque trimestre',
      year: 'chaque année',
    },
    pending: 'pas encore connue',
  },
  en: {
    subject: (m, a) => `Payment receipt ${m}: ${a}`,
    greeting: (n) => `Dear ${n},`,
    intro: (m) => `${m} charged this payment under your Bancontact payment agreement.`,
    merchant: 'Merchant',
    vatNumber: 'VAT number',
    dateTime: 'Date and time',
    amount: 'Amount',
    vatLine: (r) => `VAT ${r}%`,
    net: 'Amount excluding VAT',
    description: 'Description',
    whichCharge: 'Payment',
    planOf: (n, c, p) => `payment ${n} of ${c} (${p})`,
    planOpen: (n, p) => `payment ${n}, ${p}, until you stop it`,
    topup: (w, t, a) => `automatic top-up of wristband ${w}: below ${t}, ${a} is added`,
    method: 'Payment method',
    bancontact: 'Bancontact (recurring payment)',
    chargeRef: 'Payment reference (PPRO)',
    agreementRef: 'Your payment agreement reference (Kassa)',
    nextCharge: 'Next payment',
    noNextCharge: 'No further payment will be taken under this agreement.',
    procedureTitle: 'Refund or stop',
    refund: 'To ask for a refund of this payment,',
    stop: 'or to stop future payments,',
    contactBy: (e, p) => `contact the merchant: ${either(e, p, 'or')}.`,
    quote: (r) => `Quote your payment agreement reference: ${r}.`,
    periods: { week: 'weekly', month: 'monthly', quarter: 'quarterly', year: 'yearly' },
    pending: 'not known yet',
  },
};
