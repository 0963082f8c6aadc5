import type { Catalogue } from './en';
import type { restoreEn } from './restore-en';

export const restoreNl: Catalogue<typeof restoreEn> = {
  restore: {
    title: 'Een back-up terugzetten',
    explained:
      'Zet een back-up in de plaats van zijn database. Het huidige bestand blijft ernaast bewaard en wordt nooit gewist.',
    none: 'Nog geen back-ups in de back-upmap.',
    taken: 'Gemaakt',
    database: 'Database',
    reason: 'Waarom',
    size: 'Grootte',
    choose: 'Deze terugzetten',
    reasons: {
      z: 'Na een Z',
      interval: 'Om de paar minuten',
      migration: 'Voor een update',
      manual: 'Met de hand',
      restore: 'Voor het terugzetten',
    },
    confirmTitle: '{{database}} terugzetten met de back-up van {{time}}?',
    confirmKept: 'Het huidige {{database}} blijft ernaast bewaard als {{database}}.before-restore-….',
    confirmRecovered:
      'Bancontact-betalingen en opladingen van sindsdien worden bij Bancontact opgezocht en komen vanzelf terug.',
    confirmLost:
      'Contante verkopen, polsbandbetalingen aan de bars en kassalade-bewegingen van sindsdien kunnen niet terugkomen.',
    confirm: 'Terugzetten',
    back: 'Terug',
    restoring: 'Bezig met terugzetten…',
    done: '{{database}} is teruggezet met {{file}}.',
    doneKept: 'Het vervangen bestand is bewaard als {{file}}.',
    lostZ:
      'Z {{numbers}} werd na deze back-up gemaakt en is ermee verloren: Bancontact-betalingen die uit de tussenperiode terugkomen, kunnen er al in staan. Vergelijk ze met de afgedrukte Z.',
    nextZ:
      'Het volgende Z-rapport krijgt nummer {{number}} of hoger: geen Z-nummer wordt twee keer gebruikt.',
    refresh: 'Lijst vernieuwen',
  },
  recovered: {
    title: 'Wat het laatste terugzetten terugbracht',
    when: 'Teruggezet {{restored}} met {{file}} (back-up van {{taken}}).',
    searching:
      'Bancontact wordt doorzocht naar de betalingen sinds {{from}}… (opnieuw geprobeerd tot Bancontact antwoordt)',
    searchedFrom: 'Bancontact is doorzocht op alles sinds {{from}}.',
    none: 'Bancontact had geen betaling die het teruggezette boek niet kende.',
    kind: 'Wat',
    amount: 'Bedrag',
    paidAt: 'Betaald',
    where: 'Geboekt als',
    kinds: { sale: 'Bancontact-verkoop', topup: 'Oplading' },
    saleBooked: 'Een verkoop vandaag, kassa “recovered”',
    wristband: 'Polsband {{id}}',
    attention: 'Vraagt aandacht (polsband onbekend)',
    lostTitle: 'Wat niet kan terugkomen',
    lostExplained:
      'Gedaan tussen {{from}} en {{to}}, bestaat dit nergens anders dan in het verloren bestand:',
    lost: {
      cash_sales: 'contante verkopen',
      wristband_debits: 'polsbandbetalingen aan de bars',
      drawer_movements: 'wisselgeld, stortingen en opnames, en tellingen van de kassalade',
      festival_unreadable:
        'als het vervangen bestand onleesbaar was: het einde van het evenement en terugbetalingsbestanden van na de back-up (kijk het Top-upscherm en uw bank na voor de bars weer openen of een nieuw terugbetalingsbestand gemaakt wordt)',
    },
  },
};
