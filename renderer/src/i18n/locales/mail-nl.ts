import type { mailEn } from './mail-en';
import type { Catalogue } from './en';

/** Instellingen → Betalingsbewijzen per e-mail: de mailserver en het contact van de handelaar (Nederlands). */
export const mailNl: Catalogue<typeof mailEn> = {
  mail: {
    title: 'Betalingsbewijzen per e-mail',
    explained:
      'Elke terugkerende Bancontact-betaling wordt de klant per e-mail bevestigd, via uw eigen mailserver, met hoe hij een terugbetaling vraagt of verdere betalingen stopzet.',
    host: 'Mailserver (SMTP)',
    port: 'Poort',
    security: 'Beveiliging van de verbinding',
    securities: { none: 'Geen', starttls: 'STARTTLS (meestal poort 587)', tls: 'TLS (meestal poort 465)' },
    user: 'Gebruikersnaam',
    password: 'Wachtwoord',
    passwordStored: 'Er is een wachtwoord bewaard. Laat leeg om het te houden.',
    passwordNone: 'Geen wachtwoord bewaard.',
    clearPassword: 'Bewaard wachtwoord verwijderen',
    from: 'Afzenderadres (Van)',
    contactTitle: 'Uw contact voor terugbetalingen en stopzetten (staat op elk bewijs)',
    contactEmail: 'E-mailadres voor contact',
    contactPhone: 'Telefoonnummer voor contact',
    save: 'E-mailinstellingen bewaren',
    saved: 'Bewaard.',
    notConfigured: 'Er is geen mailserver ingesteld: de bewijzen wachten tot er een is.',
    testTitle: 'Test-e-mail versturen',
    testTo: 'Versturen naar',
    test: 'Test-e-mail versturen',
    testing: 'Bezig met versturen…',
    testSent: 'De mailserver heeft de test-e-mail voor {{to}} aangenomen.',
    problems: {
      auth: 'De mailserver weigerde de gebruikersnaam of het wachtwoord.',
      refused: 'De mailserver weigerde de afzender of de ontvanger.',
      unreachable: 'Op dit adres en deze poort antwoordt geen mailserver.',
      tls: 'De beveiligde verbinding met de mailserver mislukte: controleer de beveiliging en de poort.',
      timeout: 'De mailserver antwoordde niet meer.',
      not_configured: 'Vul eerst de mailserver en het afzenderadres in.',
      other: 'De mailserver heeft de e-mail niet aangenomen.',
    },
    serverSaid: 'De server zei: {{reply}}',
    waiting: 'Nog niet verstuurde bewijzen: {{count}}',
    retry: 'Nu opnieuw proberen',
  },
};
