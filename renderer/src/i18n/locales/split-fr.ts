import type { splitEn } from './split-en';
import type { Catalogue } from './en';

/** Une vente payée en plusieurs fois à la caisse (paiements fractionnés) (français). */
export const splitFr: Catalogue<typeof splitEn> = {
  split: {
    total: 'Total',
    due: 'Reste à payer',
    payRest: 'Payer le reste ({{amount}}) par :',
    method: { bancontact: 'Bancontact', cash: 'Espèces', wristband: 'Bracelet' },
    status: {
      pending: 'en attente',
      succeeded: 'payé',
      cancelled: 'annulé',
      expired: 'expiré',
      refused: 'refusé',
      failed: 'échoué',
    },
    takeBalance: 'Prendre {{amount}} sur le bracelet, le reste par un autre moyen',
    cancelSale: 'Annuler la vente',
    cancelAsk: 'Annuler cette vente ? Tout ce qui a déjà été payé est rendu :',
    giveBack: {
      wristband: '{{amount}} recrédités sur le bracelet {{id}}',
      cash: '{{amount}} en espèces sortis du tiroir',
      bancontact: '{{amount}} remboursés par Bancontact',
    },
    confirmCancel: 'Annuler la vente et rendre',
    keepSale: 'Garder la vente',
    split: 'Fractionner le paiement',
    partLabel: 'Montant de cette partie',
    partBy: 'Payer cette partie par :',
    back: 'Retour',
    partZero: 'Le montant de cette partie doit être supérieur à zéro.',
    partNotBelow:
      'Le montant de cette partie doit être inférieur à {{amount}}, le reste à payer. Pour tout payer, choisissez le moyen de paiement sans fractionner.',
    partOfRest: 'Payer une partie du reste',
    partOf: 'Partie de {{total}} ; il restera {{rest}} à payer',
    cashDetail: 'reçu {{received}}, rendre {{change}}',
    toTheCent:
      'Une partie avant la dernière est prise au centime près : seule la dernière partie est arrondie.',
  },
};
