/** Le formulaire de la caisse pour un paiement récurrent, et son code QR sur l’écran client. */
export const tillAgreementFr = {
  tillAgreement: {
    title: 'Paiement récurrent : {{name}}',
    name: 'Nom du client',
    email: 'Adresse e-mail pour les reçus',
    language: 'Langue des reçus',
    languages: { nl: 'Nederlands', fr: 'Français', en: 'English' },
    terms: 'Le client a accepté les conditions ({{version}})',
    termsDefault: 'les conditions du commerçant',
    start: 'Afficher le code QR',
    close: 'Fermer',
    cancel: 'Annuler le paiement récurrent',
    waiting: 'En attente : le client scanne le code QR sur l’écran client et approuve.',
    active: 'Approuvé et payé. Le prochain paiement est le {{date}}.',
    activeNoNext: 'Approuvé et payé.',
    failed: 'Le client a refusé : rien n’a été payé.',
    revoked: 'Annulé : rien n’a été payé.',
    maximum: 'Le maximum pour un paiement récurrent est de {{amount}}.',
    authorise: 'Le client approuve',
    refuse: 'Le client refuse',
    displayTitle: 'Paiement récurrent',
    displayHint:
      'Scannez ce code QR avec votre app bancaire et approuvez : vous payez maintenant le premier {{amount}}.',
  },
};
