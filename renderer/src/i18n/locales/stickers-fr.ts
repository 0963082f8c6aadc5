import type { stickersEn } from './stickers-en';

/** Paramètres → Autocollants QR. */
export const stickersFr: typeof stickersEn = {
  stickers: {
    title: 'Autocollants QR',
    explained:
      'Imprimez un code QR pour votre zone de paiement. Un autocollant fixe appartient à une caisse : la caisse envoie chaque montant, le payeur scanne l’autocollant. Un code configurable porte lui-même un montant, une référence et une description.',
    kind: 'Type d’autocollant',
    kinds: {
      fixed: 'Autocollant fixe (PDF)',
      configurable: 'Code configurable',
      reissue: 'Rééditer un ancien autocollant',
    },
    make: {
      fixed: 'Télécharger le PDF',
      configurable: 'Créer le code QR',
      reissue: 'Rééditer sur pay.bancontact.net',
    },
    fields: {
      ppid: 'Identifiant du profil de paiement (PPID)',
      shopName: 'Nom du magasin',
      posId: 'Identifiant POS de la caisse',
      amount: 'Montant (€)',
      reference: 'Référence',
      description: 'Description',
      oldPayload: 'Lien de l’ancien autocollant',
      language: 'Langue de l’autocollant',
      format: 'Format',
      size: 'Taille',
    },
    hints: {
      posId: 'L’identifiant POS de cette caisse : 1 à 36 lettres et chiffres.',
      amount: 'Laissez vide pour que le payeur saisisse le montant.',
      oldPayload:
        'Le lien que contient l’ancien autocollant (scannez-le) ou le lien du générateur QR qui l’a créé.',
      shopForFixed: 'Uniquement pour un autocollant fixe : le nom du magasin imprimé dessus.',
    },
    languages: { nl: 'Nederlands', fr: 'Français', en: 'English', de: 'Deutsch' },
    formats: { png: 'PNG', svg: 'SVG' },
    sizes: { S: 'S (180 px)', M: 'M (250 px)', L: 'L (400 px)', XL: 'XL (800 px)' },
    problems: {
      required: '{{field}} : obligatoire.',
      invalid: '{{field}} : non valable.',
      tooLong: '{{field}} : au maximum {{max}} caractères.',
      tooLongShop: '{{field}} : au maximum {{maxShop}} caractères.',
      tooSmall: '{{field}} : au moins 0,01 €.',
      tooLarge: '{{field}} : au maximum 9 999,99 €.',
      unknownSticker: '{{field}} : ce n’est pas un lien d’autocollant Bancontact ou Payconiq.',
    },
    made: '{{file}} enregistré. Le code contient :',
  },
};
