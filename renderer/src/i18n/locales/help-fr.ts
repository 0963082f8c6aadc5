import type { helpEn } from './help-en';

/** Le son de cet appareil, la langue de la station et la page d’aide. */
export const helpFr: typeof helpEn = {
  deviceSound: {
    title: 'Cet appareil',
    label: 'Jouer un son quand un paiement réussit',
    hint: 'La station le garde pour cet appareil : toute personne connectée ici entend la même chose.',
    stationLanguage: 'Langue de la station',
    stationLanguageLabel: 'Langue de l’écran de connexion et de l’écran client',
  },
  help: {
    open: 'Aide',
    title: 'Aide',
    yourGuide: 'Votre guide',
    otherGuides: 'Autres rôles',
    roles: {
      cashier: 'Caissier',
      manager: 'Responsable',
      financial: 'Financier',
      administrator: 'Administrateur',
    },
  },
};
