import type { mailEn } from './mail-en';
import type { Catalogue } from './en';

/** Réglages → Reçus par e-mail : le serveur de messagerie et le contact du commerçant (français). */
export const mailFr: Catalogue<typeof mailEn> = {
  mail: {
    title: 'Reçus par e-mail',
    explained:
      'Chaque paiement Bancontact récurrent est confirmé au client par e-mail, par votre propre serveur de messagerie, avec la marche à suivre pour demander un remboursement ou arrêter les paiements futurs.',
    host: 'Serveur de messagerie (SMTP)',
    port: 'Port',
    security: 'Sécurité de la connexion',
    securities: {
      none: 'Aucune',
      starttls: 'STARTTLS (en général port 587)',
      tls: 'TLS (en général port 465)',
    },
    user: "Nom d'utilisateur",
    password: 'Mot de passe',
    passwordStored: 'Un mot de passe est enregistré. Laissez vide pour le garder.',
    passwordNone: 'Aucun mot de passe enregistré.',
    clearPassword: 'Supprimer le mot de passe enregistré',
    from: "Adresse d'expéditeur (De)",
    contactTitle: 'Votre contact pour les remboursements et les arrêts (indiqué sur chaque reçu)',
    contactEmail: 'Adresse e-mail de contact',
    contactPhone: 'Numéro de téléphone de contact',
    save: 'Enregistrer les réglages e-mail',
    saved: 'Enregistré.',
    notConfigured: "Aucun serveur de messagerie n'est configuré : les reçus attendent qu'il y en ait un.",
    testTitle: 'Envoyer un e-mail de test',
    testTo: 'Envoyer à',
    test: 'Envoyer un e-mail de test',
    testing: 'Envoi…',
    testSent: "Le serveur de messagerie a accepté l'e-mail de test pour {{to}}.",
    problems: {
      auth: "Le serveur de messagerie a refusé le nom d'utilisateur ou le mot de passe.",
      refused: "Le serveur de messagerie a refusé l'expéditeur ou le destinataire.",
      unreachable: 'Aucun serveur de messagerie ne répond à cette adresse et ce port.',
      tls: 'La connexion sécurisée au serveur de messagerie a échoué : vérifiez la sécurité et le port.',
      timeout: 'Le serveur de messagerie a cessé de répondre.',
      not_configured: "Indiquez d'abord le serveur de messagerie et l'adresse d'expéditeur.",
      other: "Le serveur de messagerie n'a pas accepté l'e-mail.",
    },
    serverSaid: 'Le serveur a répondu : {{reply}}',
    waiting: 'Reçus pas encore envoyés : {{count}}',
    retry: 'Réessayer maintenant',
  },
};
