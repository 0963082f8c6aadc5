import type { Catalogue } from './en';
import type { stationEn } from './station-en';

export const stationNl: Catalogue<typeof stationEn> = {
  refused: {
    title: 'Kassa is niet gestart',
    intro: 'Kassa vond een fout in zijn bestanden en stopte liever dan te gokken. Er werd niets gewijzigd.',
    file: 'Bestand',
    details: 'Details',
    problem: {
      missing: '{{file}} ontbreekt, terwijl deze computer er zijn boekhouding in bijhield.',
      empty: '{{file}} is leeg.',
      'not-sqlite': '{{file}} is geen Kassa-database.',
      damaged: '{{file}} is beschadigd.',
      'no-identity': '{{file}} is niet de boekhouding die deze computer bijhield.',
      'other-book': '{{file}} bevat de boekhouding van een andere kassa of installatie.',
      'older-z': '{{file}} is ouder dan de boekhouding: er ontbreekt een later Z-rapport in.',
      'bad-field': '{{file}} heeft een foute waarde in het veld “{{field}}”.',
      'not-json': '{{file}} is beschadigd (afgebroken of onleesbaar als instellingen).',
      unreadable: '{{file}} kan niet gelezen worden.',
      'read-only': 'Er kan niet geschreven worden in de gegevensmap.',
      'no-credentials':
        '{{file}} bevat geen Bancontact-API-sleutel, maar volgens de instellingen is Kassa live.',
    },
    remediesTitle: 'Wat u kunt doen',
    remedy: {
      fixField: 'Verbeter of verwijder het veld “{{field}}” in {{file}} en start Kassa opnieuw.',
      fixFile:
        'Verbeter {{file}}, of zet het opzij om met de standaardwaarden te beginnen (API-sleutels moet u dan opnieuw invoeren), en start Kassa opnieuw.',
      makeWritable: 'Maak de map beschrijfbaar, of start Kassa met een andere gegevensmap, en start opnieuw.',
      enterCredentials:
        'Zet {{file}} terug, of zet “mode” op “training” in settings.json, start Kassa opnieuw en voer de gegevens opnieuw in bij Instellingen.',
    },
    newBook: {
      title: 'Een nieuw boek beginnen',
      explained:
        'Begint een lege boekhouding. De Z-rapporten gaan verder na het laatst uitgegeven Z-nummer, zodat geen nummer twee keer gebruikt wordt.',
      start: 'Een nieuw boek beginnen…',
      confirm:
        '{{file}} wordt niet gewist: het krijgt de naam {{aside}} en blijft in de gegevensmap. De verkopen en rapporten erin zijn dan niet meer zichtbaar in Kassa.',
      typeToConfirm: 'Typ {{file}} om te bevestigen',
      go: 'Het nieuwe boek beginnen',
      back: 'Terug',
      done: 'Er is een nieuw boek begonnen. De eerste Z krijgt nummer {{number}}.',
    },
    checkAgain: 'Opnieuw controleren',
  },
};
