import type { inboxEn } from './inbox-en';

/** De inbox: de eigen berichten van het station. */
export const inboxNl: typeof inboxEn = {
  inbox: {
    title: 'Inbox',
    linkLabel: 'Inbox, ongelezen: {{count}}',
    empty: 'Er is nu niets dat op u wacht.',
    markRead: 'Markeren als gelezen',
    markAllRead: 'Alles markeren als gelezen',
    open: 'Naar {{screen}}',
    state: { unread: 'Nieuw', read: 'Gelezen' },
    kinds: {
      callbacks_refused:
        'Geweigerde callbacks voor profiel {{name}}: {{count}} ({{reason}}). Iemand stuurt misschien valse betaalberichten, of de publieke URL of het profiel is verkeerd ingesteld.',
      refund_waiting_iban:
        'De terugbetaling van {{amount}} voor verkoop {{name}} wacht op het IBAN van de betaler: Bancontact kan ze niet zelf terugbetalen. Betaal ze terug met een overschrijving.',
      refund_failed:
        'De terugbetaling van {{amount}} voor verkoop {{name}} is mislukt ({{reason}}). Betaal op een andere manier terug.',
      wristband_refund_waiting:
        'Het saldo van polsbandje {{name}}, {{amount}}, kan nog niet terugbetaald worden: Bancontact gaf het IBAN van de betaler nog niet.',
      topup_attention:
        'Een opwaardering van {{amount}} kon niet vanzelf gecrediteerd worden ({{reason}}). Crediteer ze met de hand op een polsbandje.',
      day_without_z: '{{day}} heeft nog geen Z: {{count}} betalingen, {{amount}}. Sluit die dag af.',
      printer_offline:
        'Printer {{name}} is offline; wachtende kassatickets: {{count}}. Controleer stroom, papier en netwerk.',
      backup_failed:
        'De laatste back-up naar {{name}} is mislukt: {{reason}}. Kies een map waarin geschreven kan worden en maak nu een back-up.',
      receipt_mail_failed:
        'Het betalingsbewijs van een terugkerende betaling van {{amount}} ({{name}}) kon na {{count}} pogingen niet gemaild worden ({{reason}}). Controleer de e-mailinstellingen.',
      receipt_mail_no_email:
        'Het betalingsbewijs van een terugkerende betaling van {{amount}} ({{name}}) kan niet gemaild worden: het akkoord heeft geen e-mailadres. Bezorg de klant het bewijs op een andere manier.',
      receipt_mail_not_configured:
        'Het betalingsbewijs van een terugkerende betaling van {{amount}} ({{name}}) wacht: er is geen mailserver ingesteld. Stel er een in onder Instellingen → Betalingsbewijzen per e-mail.',
      device_unseen:
        'Het gekoppelde toestel {{name}} is al {{days}} dagen niet gezien. Trek het in als het verloren is; na 30 dagen wordt het vanzelf afgemeld.',
    },
  },
};
