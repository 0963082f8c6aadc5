import { articlesFr } from './articles-fr';
import { agreementsFr } from './agreements-fr';
import { rejectedCallbacksFr } from './rejected-callbacks-fr';
import type { Catalogue } from './en';
import { reportsFr } from './reports-fr';
import { fieldTextsFr } from './fields-fr';
import { restoreFr } from './restore-fr';
import { stationFr } from './station-fr';
import { staffFr } from './staff-fr';
import { customerFr } from './customer-fr';
import { registerFr } from './register-fr';
import { devicesFr } from './devices-fr';
import { auditFr } from './audit-fr';
import { backupsFr } from './backups-fr';
import { refundKeysFr } from './refund-keys-fr';
import { chargesFr } from './charges-fr';
import { tillAgreementFr } from './till-agreement-fr';
import { pproSettingsFr } from './ppro-settings-fr';
import { stickersFr } from './stickers-fr';
import { inboxFr } from './inbox-fr';
import { helpFr } from './help-fr';
import { returnsFr } from './returns-fr';
import { receiptsFr } from './receipts-fr';
import { splitFr } from './split-fr';
import { topupFr } from './topup-fr';
import { salesSetupFr } from './sales-setup-fr';

export const fr: Catalogue = {
  app: {
    name: 'Kassa',
    training: 'Mode entraînement — pas d’argent réel',
    nav: 'Écrans',
    language: 'Langue',
    loading: 'Chargement…',
  },
  nav: {
    till: 'Caisse',
    customer: 'Écran client',
    settings: 'Paramètres',
    topup: 'Recharge',
    reports: 'Clôture',
    articles: 'Articles',
    agreements: 'Accords',
    stickers: 'Codes QR',
    staff: 'Personnel',
    devices: 'Appareils',
    audit: 'Journal d’audit',
  },
  languages: { en: 'English', nl: 'Nederlands', fr: 'Français' },
  till: {
    payWristband: 'Payer avec le bracelet',
    amount: 'Montant',
    pay: 'Payer avec Bancontact',
    numpad: 'Pavé numérique',
    backspace: 'Effacer',
    clear: 'Vider',
    currentSale: 'Vente en cours',
    noSale: 'Tapez un montant et appuyez sur Payer avec Bancontact.',
    cancel: 'Annuler',
    retry: 'Réessayer',
    newSale: 'Nouvelle vente',
    stillOpen: 'Ce paiement est toujours ouvert. L’arrêter et commencer une nouvelle vente ?',
    stopPayment: 'Arrêter le paiement',
    keepWaiting: 'Continuer d’attendre',
    scanSticker: 'Demandez au client de scanner l’autocollant',
  },
  phase: {
    creating: 'Création du paiement…',
    waiting: 'En attente du client',
    scanned: 'Scanné',
    paid: 'Payé',
    refused: 'Refusé',
    expired: 'Expiré',
    cancelled: 'Annulé',
    failed: 'Échec du paiement',
  },
  saleStatus: { open: 'Ouverte', paid: 'Payée', unpaid: 'Impayée', cancelled: 'Annulée' },
  recent: {
    title: 'Ventes récentes',
    time: 'Heure',
    amount: 'Montant',
    status: 'Statut',
    empty: 'Aucune vente pour l’instant.',
    history: 'Historique',
    timeline: 'Chronologie',
  },
  timeline: {
    title: 'Chronologie du paiement',
    close: 'Fermer',
    empty: 'Aucun changement de statut enregistré pour l’instant.',
    time: 'Heure',
    change: 'Changement',
    source: 'Origine',
    start: 'Nouveau',
    to: 'vers',
    sources: {
      create: 'Création',
      poll: 'Interrogation (polling)',
      callback: 'Rappel de Bancontact (callback)',
      sweep: 'Recherche périodique',
      cancel: 'Annulé par le caissier',
      recovery: 'Reprise après redémarrage',
    },
  },
  ...topupFr,
  ...articlesFr,
  ...agreementsFr,
  ...rejectedCallbacksFr,
  ...backupsFr,
  ...refundKeysFr,
  ...chargesFr,
  ...tillAgreementFr,
  ...pproSettingsFr,
  ...stickersFr,
  ...inboxFr,
  ...helpFr,
  ...returnsFr,
  ...receiptsFr,
  ...splitFr,
  ...reportsFr,
  ...restoreFr,
  ...stationFr,
  ...staffFr,
  ...devicesFr,
  ...auditFr,
  ...salesSetupFr,
  paymentStatus: {
    CREATING: 'En création',
    PENDING: 'En attente du client',
    IDENTIFIED: 'Scanné',
    AUTHORIZED: 'Autorisé',
    PENDING_MERCHANT_ACKNOWLEDGEMENT: 'En attente de confirmation du commerçant',
    SUCCEEDED: 'Payé',
    AUTHORIZATION_FAILED: 'Refusé',
    FAILED: 'Échoué',
    CANCELLED: 'Annulé',
    EXPIRED: 'Expiré',
    VOIDED: 'Invalidé',
    CREATE_FAILED: 'Non créé',
  },
  qr: { label: 'Code QR Bancontact' },
  ...customerFr,
  ...registerFr,
  training: {
    title: 'Client (entraînement)',
    hint: 'Jouez le client : ces boutons font ce que ferait l’app bancaire.',
    scan: 'Scanner',
    confirm: 'Confirmer',
    refuse: 'Refuser',
  },
  settings: {
    title: 'Paramètres',
    mode: 'Mode',
    modes: { training: 'Entraînement', live: 'Réel' },
    trainingExplained:
      'Kassa est en mode entraînement : les paiements sont simulés et aucun argent ne circule.',
    goLiveTitle: 'Passer en réel avec Bancontact',
    environment: 'Environnement',
    environments: { preprod: 'Préprod (test)', production: 'Production' },
    ppid: 'Identifiant du profil de paiement (PPID)',
    apiKey: 'Clé API',
    test: 'Tester la connexion',
    works: 'La connexion fonctionne',
    goLive: 'Utiliser ces identifiants',
    liveExplained: 'Kassa reçoit de vrais paiements Bancontact.',
    backToTraining: 'Revenir au mode entraînement',
    needPpid: 'Indiquez l’identifiant du profil de paiement (lettres et chiffres uniquement).',
    needApiKey: 'Indiquez la clé API (au moins 8 caractères).',
    malformedApiKey:
      'Cette clé API contient un caractère impossible dans une clé API (un tiret spécial, une espace ou un saut de ligne). Copiez-la à nouveau depuis le portail.',
    goLiveNeedsKey: 'Indiquez la clé API pour utiliser ces identifiants.',
    goLiveNeedsTest:
      'Testez d’abord la connexion : exactement ces identifiants peuvent être utilisés une fois leur test réussi (dans les 10 minutes).',
    save: 'Enregistrer',
    remove: 'Supprimer',
    saved: 'Enregistré.',
    paymentUpdatesTitle: 'Mises à jour des paiements',
    callbacksOn: 'Kassa reçoit les rappels (callbacks) de Bancontact à cette adresse :',
    pollingOnly:
      'Pas d’URL publique : Kassa vérifie chaque paiement en interrogeant Bancontact (polling). Les paiements sont quand même confirmés, un peu plus lentement.',
    publicUrl: 'URL publique',
    publicUrlHint:
      'L’adresse https d’un reverse proxy ou d’un tunnel qui redirige vers le port de cette station.',
    publicUrlNeedHttps:
      'L’URL publique doit commencer par https:// — Bancontact n’appelle que des adresses sécurisées.',
    publicUrlInvalid: 'Indiquez une adresse complète, comme https://kassa.example.be.',
    publicUrlBaseOnly: 'Indiquez uniquement l’adresse de base, sans nom d’utilisateur, ? ni #.',
    thisTillTitle: 'Cette caisse',
    stickerPosId: 'Identifiant POS de l’autocollant',
    stickerHint:
      'Avec un autocollant, le client scanne l’autocollant imprimé au comptoir au lieu d’un code QR à l’écran.',
    stickerPosIdInvalid: 'L’identifiant POS de l’autocollant compte de 1 à 36 lettres et chiffres.',
  },
  amountProblem: {
    empty: 'Tapez d’abord un montant.',
    not_a_number: 'Ce n’est pas un montant. Utilisez des chiffres et une virgule, comme 12,50.',
    too_many_decimals: 'Utilisez au maximum deux décimales (centimes).',
    zero: 'Le montant doit être supérieur à zéro.',
    negative: 'Le montant ne peut pas être négatif.',
    too_large: 'Ce montant est trop élevé pour Bancontact.',
  },
  errors: {
    MALFORMED_REQUEST: 'La station n’a pas compris la demande.',
    UNKNOWN_METHOD: 'La station ne connaît pas cette action. Est-elle à jour ?',
    INVALID_INPUT: 'Certaines données ne sont pas valides.',
    FORBIDDEN: 'Vous n’êtes pas autorisé à faire ceci sur cet appareil.',
    NOT_FOUND: 'Cette vente ou ce paiement est introuvable.',
    CONFLICT: 'Ceci a changé entre-temps. Vérifiez et réessayez.',
    PAYMENT_OPEN: 'Un paiement est encore ouvert. Terminez-le ou annulez-le d’abord.',
    NOT_IN_TRAINING: 'Ceci ne fonctionne qu’en mode entraînement.',
    NOT_CONFIGURED: 'Bancontact n’est pas encore configuré. Indiquez les identifiants dans Paramètres.',
    BANCONTACT_UNAUTHORIZED: 'Bancontact a refusé la clé API',
    BANCONTACT_REJECTED: 'Bancontact a rejeté la demande',
    BANCONTACT_UNAVAILABLE: 'Bancontact est indisponible pour le moment',
    BANCONTACT_TIMEOUT: 'Bancontact n’a pas répondu à temps',
    NETWORK_DOWN: 'Pas de connexion réseau avec Bancontact',
    INTERNAL: 'La station a rencontré un problème. Réessayez.',
    DRAWER_NOT_OPEN:
      "Le tiroir-caisse de cette caisse n'est pas ouvert. Ouvrez-le d'abord avec un fonds de caisse.",
    DRAWER_ALREADY_OPEN: 'Le tiroir-caisse de cette caisse est déjà ouvert.',
    DRAWERS_OPEN:
      'Un tiroir-caisse est encore ouvert. Comptez et fermez chaque tiroir avant de clôturer la journée.',
    TENDERED_TOO_LOW: 'Le montant remis est inférieur au montant dû.',
    NOT_ENOUGH_CASH: "Le tiroir ne contient pas autant d'espèces.",
    DAY_ALREADY_CLOSED: 'Cette journée de vente est déjà clôturée par un rapport Z.',
    EARLIER_DAY_OPEN:
      "Une journée de vente antérieure avec des ventes n'est pas encore clôturée. Clôturez-la d'abord.",
    DAY_NOT_STARTED: "Cette journée de vente n'a pas encore commencé.",
    INVALID_WRISTBAND_ID:
      'Ce code de bracelet n’est pas valide. Scannez-le à nouveau ou vérifiez les caractères saisis.',
    WRISTBAND_BLOCKED: 'Ce bracelet est bloqué (déclaré perdu). Il ne peut pas être utilisé.',
    WRISTBAND_CLOSED: 'Ce bracelet est clôturé : son solde a été remboursé.',
    INSUFFICIENT_FUNDS: 'Solde insuffisant sur ce bracelet.',
    NO_REFUNDS_READY: 'Aucun remboursement n’est prêt : récupérez d’abord les IBAN des payeurs.',
    AMOUNT_MODE_MISMATCH:
      "Ce profil de recharge est configuré pour d'autres codes. Le support Bancontact fixe le type de montant d'un profil (libre, modifiable ou fixe) ; imprimez des codes de ce type, ou utilisez un profil configuré pour celui-ci.",
    DATABASE_UNREACHABLE:
      "Le serveur de base de données est injoignable : rien n'a été enregistré. Réessayez dans un instant ; Kassa reprend dès qu'il répond.",
    DISK_FULL:
      "Le disque qui contient les données de Kassa est plein : libérez de l'espace, puis réessayez. Rien n'a été écrit à moitié.",
    diskFullFolder: 'Dossier des données : {{folder}}',
    STATION_REFUSED:
      'La station a refusé de démarrer avec ces fichiers. Un administrateur peut restaurer une sauvegarde ou commencer un nouveau livre.',
    BACKUP_INVALID: "Ce fichier n'est pas une sauvegarde de Kassa, ou il est endommagé.",
    CONNECTION_NOT_TESTED:
      'Testez d’abord la connexion avec exactement ces identifiants : passer en production demande un test réussi dans les 10 dernières minutes.',
    NO_LIVE_PROFILE: 'Ce magasin n’a pas de profil Bancontact actif : voir Paramètres → Magasins et ventes.',
    MALFORMED_API_KEY:
      'Cette clé API contient un caractère impossible dans une clé API (un tiret spécial, une espace ou un saut de ligne). Copiez-la à nouveau depuis le portail.',
    EVENT_ENDED:
      'L’événement est terminé : les bracelets ne peuvent plus payer. Encaissez en espèces ou par Bancontact.',
    EVENT_NOT_ENDED:
      "Terminez d'abord l'événement : les fichiers de remboursement ne se font qu'après l'événement.",
    PAYLOAD_TOO_LARGE: 'C’est trop volumineux pour la station.',
    NOT_SIGNED_IN: 'Connectez-vous d’abord.',
    WRONG_SECRET: 'Code PIN ou mot de passe incorrect.',
    STAFF_LOCKED:
      'Trop d’essais erronés : cette personne est verrouillée pour un moment. Attendez l’heure affichée ou demandez à un administrateur.',
    STAFF_BLOCKED: 'Cette personne est bloquée. Un administrateur peut la réactiver.',
    WEAK_PASSWORD:
      'Le mot de passe doit compter au moins 10 caractères, dont une majuscule, un chiffre et un caractère spécial.',
    INVALID_PIN: 'Un code PIN compte de 4 à 6 chiffres.',
    PAIRING_CODE_INVALID:
      'Ce code de liaison a expiré ou a déjà été utilisé. Demandez-en un nouveau à la station.',
    DEVICE_REVOKED: 'Cet appareil n’est plus lié à la station. Liez-le à nouveau depuis la station.',
    WRONG_TILL: 'Cet appareil appartient à une autre caisse.',
    ADMINISTRATOR_REQUIRED: 'Créez d’abord un administrateur avec un mot de passe.',
    LAST_ADMINISTRATOR: 'C’est le dernier administrateur : créez-en d’abord un autre.',
    DISCOUNT_NEEDS_MANAGER:
      'Une remise aussi importante demande un responsable ou un administrateur. Demandez-lui de se connecter à cette caisse.',
    REFUND_BY_IBAN:
      'Bancontact ne peut pas rembourser ce paiement lui-même (l’API Refund n’est pas activée pour ce commerçant, ou ce n’est pas possible maintenant). Remboursez par virement sur l’IBAN de remboursement du payeur.',
    REFUND_SIGNATURE_REFUSED:
      'Bancontact n’a pas accepté la signature de remboursement de cette station. Un administrateur doit remettre la clé publique actuelle (JWKS, Paramètres → Remboursements) à Bancontact.',
    REFUND_AMOUNT_TOO_HIGH: 'C’est plus que ce qu’il reste à rembourser sur ce paiement.',
    REFUND_REQUEST_CONFLICT: 'Ce remboursement a déjà été demandé avec un autre montant. Consultez les remboursements de cette vente.',
    PAYMENT_NOT_REFUNDABLE: 'Bancontact ne peut pas rembourser ce paiement : il n’a pas abouti ou est inconnu.',
    // Accords de paiement via PPRO.
    PPRO_NOT_SET_UP:
      'Les paiements récurrents ne sont pas configurés : un administrateur saisit les réglages PPRO dans Réglages.',
    PPRO_ABOVE_MAXIMUM: 'Ce montant dépasse le maximum des paiements Bancontact récurrents.',
    PPRO_REFUSED: 'PPRO a refusé le paiement récurrent. Vérifiez les données et réessayez.',
    PPRO_UNAUTHORIZED: 'PPRO a refusé la clé API : un administrateur vérifie les réglages PPRO.',
    PPRO_UNAVAILABLE: 'PPRO est injoignable pour le moment. Réessayez dans un instant.',
    STATION_UNREACHABLE: 'La station est injoignable. Vérifiez que Kassa fonctionne, puis réessayez.',
    checkFields: 'Vérifiez : {{fields}}',
  },
  ...fieldTextsFr,
};
