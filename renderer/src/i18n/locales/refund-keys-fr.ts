import type { Catalogue } from './en';
import type { refundKeysEn } from './refund-keys-en';

export const refundKeysFr: Catalogue<typeof refundKeysEn> = {
  refundKeys: {
    title: 'Remboursements via Bancontact',
    explained:
      'Bancontact n’accepte que les remboursements signés avec votre propre clé. Remettez-lui une fois la partie publique : téléchargez le fichier ci-dessous, ou donnez-lui l’URL. La partie privée ne quitte jamais cette station.',
    profile: 'Profil de paiement',
    keyId: 'Identifiant de clé',
    oldKeysKept: '(les clés précédentes restent publiées 7 jours : {{count}})',
    jwksUrl: 'URL pour Bancontact',
    noPublicUrl:
      'Indiquez une URL publique ci-dessus pour donner une URL à Bancontact ; d’ici là, remettez le fichier.',
    download: 'Télécharger la clé publique (JWKS) pour Bancontact',
    rotate: 'Créer une nouvelle clé',
    rotateQuestion: 'Créer une nouvelle clé de signature ?',
    rotateExplained:
      'Les remboursements via Bancontact sont refusés tant que Bancontact n’a pas la nouvelle clé publique : remettez tout de suite le nouveau fichier (ou faites-lui relire l’URL). L’ancienne clé reste publiée 7 jours.',
    rotateYes: 'Oui, créer une nouvelle clé',
    rotateNo: 'Annuler',
  },
};
