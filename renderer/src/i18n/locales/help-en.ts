/** This device's payment sound, the station's language, and the Help page. */
export const helpEn = {
  deviceSound: {
    title: 'This device',
    label: 'Play a sound when a payment succeeds',
    hint: 'Kept by the station for this device: whoever signs in here hears the same.',
    stationLanguage: 'Station language',
    stationLanguageLabel: 'Language of the sign-in screen and the customer display',
  },
  help: {
    open: 'Help',
    title: 'Help',
    yourGuide: 'Your guide',
    otherGuides: 'Other roles',
    roles: {
      cashier: 'Cashier',
      manager: 'Manager',
      financial: 'Financial',
      administrator: 'Administrator',
    },
  },
};
