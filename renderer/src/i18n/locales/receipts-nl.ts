import { mailNl } from './mail-nl';
import type { receiptsEn } from './receipts-en';
import type { Catalogue } from './en';

/** Kastickets op het scherm, de printermelding aan de kassa en Instellingen → Printers (Nederlands). */
export const receiptsNl: Catalogue<typeof receiptsEn> = {
  receipts: {
    title: 'Kasticket',
    printAgain: 'Opnieuw afdrukken',
    pdf: 'PDF',
    reprinted: 'Als kopie naar de printer gestuurd.',
    offline: 'Printer {{name}} offline — het kasticket wordt afgedrukt zodra hij terug is.',
    waiting: 'Wachtende kastickets: {{count}}',
    noPrinter: 'Deze kassa heeft geen printer. Een beheerder kiest er een in Instellingen → Printers.',
  },
  printers: {
    title: 'Printers',
    explained:
      'Kassaprinters in het netwerk (ESC/POS over TCP, meestal poort 9100). Een verkoop wacht nooit op een printer: kastickets wachten tot hij terug is.',
    none: 'Nog geen printer.',
    add: 'Printer toevoegen',
    edit: 'Wijzigen',
    remove: 'Verwijderen',
    removeQuestion:
      'Printer {{name}} verwijderen? Zijn kassa’s drukken dan nergens af tot er een andere printer gekozen is.',
    removeYes: 'Ja, verwijderen',
    save: 'Printer bewaren',
    cancel: 'Annuleren',
    name: 'Naam',
    host: 'Adres (hostnaam of IP)',
    port: 'Poort',
    paper: 'Papier',
    paper58: '58 mm (32 tekens)',
    paper80: '80 mm (48 tekens)',
    codePage: 'Codetabel',
    drawer: 'Er hangt een kassalade aan deze printer',
    drawerYes: 'Kassalade',
    testPage: 'Testpagina afdrukken',
    testPrinted: 'De testpagina is afgedrukt op {{name}}.',
    testFailed: '{{name}} nam de testpagina niet aan: {{error}}',
    saved: 'Bewaard.',
    tillsTitle: 'Welke kassa drukt waar af',
    till: 'Kassa',
    printer: 'Printer',
    noPrinter: 'Geen printer',
    autoPrint: 'Elke verkoop vanzelf afdrukken',
  },
  // Settings → E-mailed receipts: the receipts of recurring payments go by e-mail (mail-nl.ts).
  ...mailNl,
};
