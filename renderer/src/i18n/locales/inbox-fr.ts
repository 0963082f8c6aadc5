import type { inboxEn } from './inbox-en';

/** La boîte de réception : les messages de la station elle-même. */
export const inboxFr: typeof inboxEn = {
  inbox: {
    title: 'Messages',
    linkLabel: 'Messages, non lus : {{count}}',
    empty: 'Rien ne vous attend pour le moment.',
    markRead: 'Marquer comme lu',
    markAllRead: 'Tout marquer comme lu',
    open: 'Aller à {{screen}}',
    state: { unread: 'Nouveau', read: 'Lu' },
    kinds: {
      callbacks_refused:
        'Callbacks refusés pour le profil {{name}} : {{count}} ({{reason}}). Quelqu’un envoie peut-être de faux messages de paiement, ou l’URL publique ou le profil est mal configuré.',
      refund_waiting_iban:
        'Le remboursement de {{amount}} sur la vente {{name}} attend l’IBAN du payeur : Bancontact ne peut pas le rembourser lui-même. Remboursez-le par virement.',
      refund_failed:
        'Le remboursement de {{amount}} sur la vente {{name}} a échoué ({{reason}}). Remboursez autrement.',
      wristband_refund_waiting:
        'Le solde du bracelet {{name}}, {{amount}}, ne peut pas encore être remboursé : Bancontact n’a pas donné l’IBAN du payeur.',
      topup_attention:
        'Une recharge de {{amount}} n’a pas pu être créditée d’elle-même ({{reason}}). Créditez-la à la main sur un bracelet.',
      day_without_z:
        'Le {{day}} n’a pas encore de Z : {{count}} paiements, {{amount}}. Clôturez cette journée.',
      printer_offline:
        'L’imprimante {{name}} est hors ligne ; tickets en attente : {{count}}. Vérifiez l’alimentation, le papier et le réseau.',
      backup_failed:
        'La dernière sauvegarde vers {{name}} a échoué : {{reason}}. Choisissez un dossier accessible en écriture, puis sauvegardez maintenant.',
      receipt_mail_failed:
        'Le reçu d’un paiement récurrent de {{amount}} ({{name}}) n’a pas pu être envoyé après {{count}} tentatives ({{reason}}). Vérifiez les réglages e-mail.',
      receipt_mail_no_email:
        'Le reçu d’un paiement récurrent de {{amount}} ({{name}}) ne peut pas être envoyé : l’accord n’a pas d’adresse e-mail. Remettez le reçu au client autrement.',
      receipt_mail_not_configured:
        'Le reçu d’un paiement récurrent de {{amount}} ({{name}}) attend : aucun serveur de messagerie n’est configuré. Configurez-en un dans Réglages → Reçus par e-mail.',
      device_unseen:
        'L’appareil lié {{name}} n’a plus été vu depuis {{days}} jours. Révoquez-le s’il est perdu ; il est déconnecté de lui-même après 30 jours.',
    },
  },
};
