/** Instellingen → Bancontact terugkerend (PPRO): de PPRO-rekening van de handelaar. */
export const pproSettingsNl = {
  pproSettings: {
    title: 'Bancontact terugkerend (PPRO)',
    explained:
      'Lidmaatschappen en abonnementen die elke periode betaald worden, lopen via uw PPRO-rekening. De oefenmodus gebruikt een gesimuleerde PPRO; de live modus heeft deze instellingen nodig.',
    notConfigured: 'Niet ingesteld: de live modus kan geen terugkerende betalingen verkopen.',
    baseUrl: 'PPRO-adres (URL)',
    merchantId: 'Handelaars-id',
    apiKey: 'API-sleutel (leeg laten om de bewaarde sleutel te houden)',
    keyStored: 'Er is een API-sleutel bewaard.',
    noKey: 'Er is geen API-sleutel bewaard.',
    maximum: 'Maximum per betaling in euro (zoals afgesproken met PPRO)',
    termsVersion: 'Uw voorwaarden die de klant goedkeurt (versie of webadres)',
    save: 'Bewaren',
    test: 'Verbinding testen',
    tested: {
      ok: 'PPRO aanvaardde de sleutel.',
      unauthorised: 'PPRO weigerde de sleutel of het handelaars-id.',
      unreachable: 'PPRO is op dit adres niet bereikbaar.',
      unexpected: 'PPRO antwoordde iets onverwachts: controleer het adres.',
    },
  },
};
