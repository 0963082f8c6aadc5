import type { profilesEn } from './profiles-en';

/** Paramètres → Magasins et ventes : les profils de paiement de chaque magasin. */
export const profilesFr: typeof profilesEn = {
  profiles: {
    title: 'Profils de paiement',
    ofShop: 'Profils de paiement de {{name}}',
    none: 'Pas encore de profil de paiement : les caisses de ce magasin paient avec le profil d’affichage du premier magasin.',
    add: 'Ajouter un profil de paiement',
    kind: 'Type',
    kinds: { display: 'Affichage', sticker: 'Autocollant', topup: 'Rechargement' },
    amountMode: 'Règle de montant (fixée par le support Bancontact)',
    name: 'Nom',
    ppid: 'PPID',
    iban: 'IBAN de versement',
    noIban: 'Pas d’IBAN de versement',
    ibanStatus: { none: 'pas d’IBAN', toVerify: 'à vérifier', verified: 'vérifié' },
    markVerified: 'Marquer l’IBAN comme vérifié',
    setKey: 'Clé API',
    apiKey: 'Clé API (gardée dans le coffre du poste, jamais réaffichée)',
    keyStored: 'clé API enregistrée',
    noKey: 'pas encore de clé API',
    environment: 'Environnement',
    environments: { production: 'Production', preprod: 'Préprod (test)' },
    test: 'Tester la connexion',
    testPassed: 'Test de connexion réussi : activez dans les 10 minutes.',
    training: 'entraînement',
    goLive: 'Activer',
    liveOn: 'actif en {{environment}}',
    notLive: 'pas actif',
    ibansToVerify: 'IBAN de versement à vérifier',
    problems: {
      name: 'Donnez un nom au profil.',
      ppid: 'Le PPID ne contient que des lettres et des chiffres, comme le portail Bancontact l’affiche.',
      iban: 'Cet IBAN n’est pas valable : vérifiez les chiffres (les chiffres de contrôle ne correspondent pas).',
    },
  },
};
