import type { profilesEn } from './profiles-en';

/** Instellingen → Winkels en verkoop: de betaalprofielen van elke winkel. */
export const profilesNl: typeof profilesEn = {
  profiles: {
    title: 'Betaalprofielen',
    ofShop: 'Betaalprofielen van {{name}}',
    none: 'Nog geen betaalprofiel: de kassa’s van deze winkel betalen met het displayprofiel van de eerste winkel.',
    add: 'Betaalprofiel toevoegen',
    kind: 'Soort',
    kinds: { display: 'Display', sticker: 'Sticker', topup: 'Opwaarderen' },
    amountMode: 'Bedragregel (ingesteld door Bancontact-support)',
    name: 'Naam',
    ppid: 'PPID',
    iban: 'Uitbetalings-IBAN',
    noIban: 'Geen uitbetalings-IBAN',
    ibanStatus: { none: 'geen IBAN', toVerify: 'te verifiëren', verified: 'geverifieerd' },
    markVerified: 'IBAN als geverifieerd markeren',
    setKey: 'API-sleutel',
    apiKey: 'API-sleutel (bewaard in de geheime opslag van het station, nooit meer getoond)',
    keyStored: 'API-sleutel bewaard',
    noKey: 'nog geen API-sleutel',
    environment: 'Omgeving',
    environments: { production: 'Productie', preprod: 'Preprod (test)' },
    test: 'Verbinding testen',
    testPassed: 'Verbindingstest geslaagd: zet binnen 10 minuten live.',
    training: 'oefenen',
    goLive: 'Live zetten',
    liveOn: 'live op {{environment}}',
    notLive: 'niet live',
    ibansToVerify: 'Te verifiëren uitbetalings-IBAN’s',
    problems: {
      name: 'Geef het profiel een naam.',
      ppid: 'De PPID bestaat enkel uit letters en cijfers, zoals het Bancontact-portaal hem toont.',
      iban: 'Dit is geen geldige IBAN: controleer de cijfers (de controlecijfers kloppen niet).',
    },
  },
};
