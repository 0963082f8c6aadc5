/** Paramètres → Bancontact récurrent (PPRO) : le compte PPRO du commerçant. */
export const pproSettingsFr = {
  pproSettings: {
    title: 'Bancontact récurrent (PPRO)',
    explained:
      'Les abonnements payés à chaque période passent par votre compte PPRO. Le mode formation utilise un PPRO simulé ; le mode réel a besoin de ces paramètres.',
    notConfigured: 'Non configuré : le mode réel ne peut pas vendre de paiements récurrents.',
    baseUrl: 'Adresse PPRO (URL)',
    merchantId: 'Identifiant commerçant',
    apiKey: 'Clé API (laisser vide pour garder la clé enregistrée)',
    keyStored: 'Une clé API est enregistrée.',
    noKey: 'Aucune clé API n’est enregistrée.',
    maximum: 'Maximum par paiement en euros (convenu avec PPRO)',
    termsVersion: 'Vos conditions que le client accepte (version ou adresse web)',
    save: 'Enregistrer',
    test: 'Tester la connexion',
    tested: {
      ok: 'PPRO a accepté la clé.',
      unauthorised: 'PPRO a refusé la clé ou l’identifiant commerçant.',
      unreachable: 'PPRO est injoignable à cette adresse.',
      unexpected: 'PPRO a répondu quelque chose d’inattendu : vérifiez l’adresse.',
    },
  },
};
