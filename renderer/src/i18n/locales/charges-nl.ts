/** Instellingen → Bancontact terugkerend: hoe mislukte afschrijvingen opnieuw geprobeerd worden. */
export const chargesNl = {
  charges: {
    title: 'Bancontact terugkerend: mislukte afschrijvingen',
    explained:
      'Mislukt een afschrijving op een betaalovereenkomst (de bank weigert, PPRO antwoordt niet), dan probeert Kassa ze opnieuw na elk van deze wachttijden, en geeft ze daarna op. Een weigering die niet verandert (de overeenkomst werd stopgezet, het bedrag ligt boven uw maximum) wordt niet opnieuw geprobeerd.',
    tries: 'Opnieuw proberen na',
    try: 'Wachttijd {{number}}',
    minutes: 'minuten',
    none: 'Een mislukte afschrijving wordt niet opnieuw geprobeerd.',
    add: 'Wachttijd toevoegen',
    remove: 'Wachttijd {{number}} verwijderen',
    save: 'Bewaren',
    saved: 'Bewaard.',
    readOnly: 'Alleen een beheerder past dit aan.',
    duration: '{{text}} na de vorige mislukking',
  },
};
