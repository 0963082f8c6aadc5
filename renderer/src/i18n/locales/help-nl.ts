import type { helpEn } from './help-en';

/** Het geluid van dit toestel, de taal van het station en de Help-pagina. */
export const helpNl: typeof helpEn = {
  deviceSound: {
    title: 'Dit toestel',
    label: 'Geluid bij een geslaagde betaling',
    hint: 'Het station bewaart dit voor dit toestel: wie hier aanmeldt, hoort hetzelfde.',
    stationLanguage: 'Taal van het station',
    stationLanguageLabel: 'Taal van het aanmeldscherm en het klantenscherm',
  },
  help: {
    open: 'Help',
    title: 'Help',
    yourGuide: 'Uw handleiding',
    otherGuides: 'Andere rollen',
    roles: {
      cashier: 'Kassier',
      manager: 'Verantwoordelijke',
      financial: 'Financieel',
      administrator: 'Beheerder',
    },
  },
};
