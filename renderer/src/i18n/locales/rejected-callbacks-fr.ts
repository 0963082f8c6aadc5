import type { rejectedCallbacksEn } from './rejected-callbacks-en';

/** Les callbacks refusés de l’écran de clôture (français). */
export const rejectedCallbacksFr: typeof rejectedCallbacksEn = {
  rejectedCallbacks: {
    title: 'Callbacks refusés',
    explained:
      'Des callbacks dont la signature n’était pas valable, comptés par heure ; les premiers de chaque heure sont gardés pour examen. Kassa a répondu par une erreur et n’en a appliqué aucun.',
    none: 'Aucun callback n’a été refusé.',
    refresh: 'Actualiser',
    time: 'Reçu',
    reason: 'Raison',
    detail: 'Détail',
    hour: 'Heure',
    count: 'Refusés',
    samples: 'Les premiers reçus',
    profile: 'profil {{ppid}}',
    moreCounted: 'Comptés sans être gardés : {{number}}',
    reasons: {
      MISSING_SIGNATURE: 'Pas de signature',
      MALFORMED_SIGNATURE: 'Signature illisible',
      WRONG_ALGORITHM: 'Mauvais algorithme',
      WRONG_CRIT: 'Mauvaises revendications critiques',
      WRONG_ISSUER: 'Mauvais émetteur',
      WRONG_SUBJECT: 'Autre profil de paiement',
      WRONG_PATH: 'Envoyé à une autre adresse',
      BAD_IAT: 'Heure de signature invalide',
      MISSING_JTI: 'Pas d’identifiant de callback',
      UNKNOWN_KEY: 'Clé de signature inconnue',
      BAD_SIGNATURE: 'La signature ne correspond pas',
      JWKS_UNAVAILABLE: 'Clés de Bancontact indisponibles',
      MALFORMED_BODY: 'Contenu illisible',
    },
  },
};
