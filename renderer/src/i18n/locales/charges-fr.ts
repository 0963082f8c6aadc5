/** Paramètres → Bancontact récurrent : comment les prélèvements échoués sont réessayés. */
export const chargesFr = {
  charges: {
    title: 'Bancontact récurrent : prélèvements échoués',
    explained:
      'Quand un prélèvement sur un accord de paiement échoue (la banque le refuse, PPRO ne répond pas), Kassa le réessaie après chacun de ces délais, puis y renonce. Un refus qui ne changera pas (l’accord a été arrêté, le montant dépasse votre maximum) n’est pas réessayé.',
    tries: 'Réessayer après',
    try: 'Délai {{number}}',
    minutes: 'minutes',
    none: 'Un prélèvement échoué n’est pas réessayé.',
    add: 'Ajouter un délai',
    remove: 'Retirer le délai {{number}}',
    save: 'Enregistrer',
    saved: 'Enregistré.',
    readOnly: 'Seul un administrateur modifie ceci.',
    duration: '{{text}} après l’échec précédent',
  },
};
