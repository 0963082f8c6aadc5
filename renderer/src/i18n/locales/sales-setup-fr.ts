import { profilesFr } from './profiles-fr';
import type { salesSetupEn } from './sales-setup-en';

/** Paramètres → Magasins et ventes, le logo et la mention SCE. */
export const salesSetupFr: typeof salesSetupEn = {
  salesSetup: {
    title: 'Magasins et ventes',
    explained:
      'Qui vend et où, tel que l’impriment les tickets, X et Z ; les taux de TVA et leurs dates ; comment les ventes sont arrondies et vérifiées. Les changements valent pour les ventes à partir de maintenant.',
    businessTitle: 'Entreprise',
    businessHint: 'Imprimé en tête de chaque ticket et de chaque rapport X et Z.',
    identity: {
      name: 'Nom',
      address: 'Adresse',
      website: 'Site web',
      vatNumber: 'Numéro de TVA',
      namePlaceholder: 'Café Le Quai srl',
      addressPlaceholder: 'Grand-Place 1, 1000 Bruxelles',
      websitePlaceholder: 'www.exemple.be',
      vatNumberPlaceholder: 'BE 0123.456.749',
    },
    problems: {
      name: 'Indiquez un nom.',
      vatFormat: 'Un numéro de TVA belge, c’est BE et dix chiffres commençant par 0 ou 1 (BE 0123.456.749).',
      vatCheck:
        'Les chiffres de contrôle ne correspondent pas : un chiffre est mal tapé ou deux sont inversés.',
      website: 'Écrivez une adresse web comme www.exemple.be.',
      'rate-rate': 'Ligne {{row}} : un taux de TVA est un pourcentage entier de 0 à 100.',
      'rate-from': 'Ligne {{row}} : indiquez le premier jour où le taux s’applique.',
      'rate-until': 'Ligne {{row}} : le dernier jour doit être une date, pas avant le premier jour.',
      till: 'Caisse {{n}} : indiquez un identifiant (lettres, chiffres, point, tiret, tiret bas ; chaque caisse une fois) et un POS id d’autocollant en lettres et chiffres.',
      'logo-type': 'Le logo doit être une image PNG ou JPEG.',
      'logo-size': 'Le logo peut faire au plus 256 Ko ; celui-ci fait {{kb}} Ko.',
    },
    shopsTitle: 'Magasins',
    searchShops: 'Chercher un magasin par nom ou lieu',
    addShop: 'Ajouter un magasin',
    noShopFound: 'Aucun magasin ne correspond.',
    noDetails: 'Pas encore d’adresse, de site web ni de numéro de TVA',
    editShop: 'Modifier {{name}}',
    edit: 'Modifier',
    shopId: 'Identifiant du magasin',
    shopIdHint:
      'Lettres, chiffres, point, tiret ou tiret bas ; noté sur chaque vente, il ne peut plus changer.',
    cancel: 'Annuler',
    vatRatesTitle: 'Taux de TVA',
    vatRatesHint:
      'Chaque taux de son premier à son dernier jour (vide : pas encore de fin). Quand la loi change un taux, donnez un dernier jour à l’ancien et un premier jour au nouveau.',
    rate: 'Taux (%)',
    from: 'À partir du',
    until: 'Jusqu’au',
    remove: 'Supprimer',
    addRate: 'Ajouter un taux',
    rateOfRow: 'Taux de la ligne {{n}}',
    fromOfRow: 'Premier jour de la ligne {{n}}',
    untilOfRow: 'Dernier jour de la ligne {{n}}',
    removeRow: 'Supprimer la ligne {{n}}',
    rulesTitle: 'Règles de vente',
    cashRounding: 'Arrondi en espèces',
    rounding5: 'À 5 cents (Belgique)',
    rounding1: 'Aucun (cents exacts)',
    defaultVatRate: 'Taux de TVA par défaut',
    discountLimit: 'Limite de remise (%)',
    discountLimitHint: 'Une remise plus grande sur une vente demande un manager ou un administrateur.',
    confirmAbove: 'Confirmer au-delà de (€)',
    confirmAboveHint: 'Un montant plus élevé demande d’abord une confirmation au caissier.',
    tillsTitle: 'Caisses',
    tillsHint:
      'Le magasin, le taux de TVA ou l’autocollant propre à une caisse, là où ils diffèrent de la station.',
    addTill: 'Ajouter une caisse',
    newTill: 'Nouvelle caisse',
    tillId: 'Identifiant de caisse',
    stickerPosId: 'POS id de l’autocollant',
    tillIdOf: 'Identifiant de la caisse {{n}}',
    tillShopOf: 'Magasin de la caisse {{n}}',
    tillVatOf: 'Taux de TVA de la caisse {{n}}',
    tillStickerOf: 'POS id de l’autocollant de la caisse {{n}}',
    stationDefault: 'Par défaut de la station',
    removeTill: 'Supprimer la caisse {{n}}',
    logoTitle: 'Logo',
    logoHint: 'Une image (PNG ou JPEG, au plus 256 Ko) sur les tickets, l’écran client et chaque PDF.',
    logoAlt: 'Logo',
    noLogo: 'Pas encore de logo.',
    chooseLogo: 'Choisir un logo',
    replaceLogo: 'Remplacer le logo',
    removeLogo: 'Supprimer le logo',
    gks: {
      title: 'Pas un système de caisse enregistreuse (SCE)',
      notCertified:
        'Kassa n’est pas un système de caisse enregistreuse certifié (SCE, la « caisse blanche ») avec module de données fiscales (FDM, la « boîte noire »). Il n’envoie aucune vente à un FDM et ne peut pas en tenir lieu.',
      whoNeedsOne:
        'En Belgique, un café, un restaurant ou un traiteur doit utiliser un SCE certifié dès que ses services de restaurant et de restauration (repas consommés sur place) dépassent 25 000 € par an hors TVA ; les boissons et la vente à emporter ne comptent pas pour ce seuil, et une fois celui-ci dépassé, c’est toujours un SCE. Manger à des tables ou des mange-debout lors d’un festival compte comme consommation sur place.',
      belowThreshold:
        'En dessous du seuil, et pour les boissons, la vente à emporter et les rechargements de bracelets, Kassa peut être utilisé ; un ticket TVA reste obligatoire pour les repas et les boissons. En cas de doute, demandez à votre comptable.',
    },
  },
  // Each shop's payment profiles, edited in the same Settings section.
  ...profilesFr,
};
