import { articlesNl } from './articles-nl';
import { agreementsNl } from './agreements-nl';
import { rejectedCallbacksNl } from './rejected-callbacks-nl';
import type { Catalogue } from './en';
import { reportsNl } from './reports-nl';
import { fieldTextsNl } from './fields-nl';
import { restoreNl } from './restore-nl';
import { stationNl } from './station-nl';
import { staffNl } from './staff-nl';
import { customerNl } from './customer-nl';
import { registerNl } from './register-nl';
import { devicesNl } from './devices-nl';
import { auditNl } from './audit-nl';
import { backupsNl } from './backups-nl';
import { refundKeysNl } from './refund-keys-nl';
import { chargesNl } from './charges-nl';
import { tillAgreementNl } from './till-agreement-nl';
import { pproSettingsNl } from './ppro-settings-nl';
import { stickersNl } from './stickers-nl';
import { inboxNl } from './inbox-nl';
import { helpNl } from './help-nl';
import { returnsNl } from './returns-nl';
import { receiptsNl } from './receipts-nl';
import { splitNl } from './split-nl';
import { topupNl } from './topup-nl';
import { salesSetupNl } from './sales-setup-nl';

export const nl: Catalogue = {
  app: {
    name: 'Kassa',
    training: 'Oefenmodus — geen echt geld',
    nav: 'Schermen',
    language: 'Taal',
    loading: 'Laden…',
  },
  nav: {
    till: 'Kassa',
    customer: 'Klantenscherm',
    settings: 'Instellingen',
    topup: 'Opladen',
    reports: 'Afsluiten',
    articles: 'Artikelen',
    agreements: 'Overeenkomsten',
    stickers: 'QR-codes',
    staff: 'Personeel',
    devices: 'Toestellen',
    audit: 'Auditlogboek',
  },
  languages: { en: 'English', nl: 'Nederlands', fr: 'Français' },
  till: {
    payWristband: 'Betalen met polsbandje',
    amount: 'Bedrag',
    pay: 'Betalen met Bancontact',
    numpad: 'Numeriek toetsenbord',
    backspace: 'Wissen',
    clear: 'Leegmaken',
    currentSale: 'Huidige verkoop',
    noSale: 'Typ een bedrag en druk op Betalen met Bancontact.',
    cancel: 'Annuleren',
    retry: 'Opnieuw',
    newSale: 'Nieuwe verkoop',
    stillOpen: 'Deze betaling staat nog open. Stopzetten en een nieuwe verkoop beginnen?',
    stopPayment: 'Betaling stopzetten',
    keepWaiting: 'Blijven wachten',
    scanSticker: 'Vraag de klant om de sticker te scannen',
  },
  phase: {
    creating: 'Betaling wordt aangemaakt…',
    waiting: 'Wachten op de klant',
    scanned: 'Gescand',
    paid: 'Betaald',
    refused: 'Geweigerd',
    expired: 'Verlopen',
    cancelled: 'Geannuleerd',
    failed: 'Betaling mislukt',
  },
  saleStatus: { open: 'Open', paid: 'Betaald', unpaid: 'Niet betaald', cancelled: 'Geannuleerd' },
  recent: {
    title: 'Recente verkopen',
    time: 'Tijd',
    amount: 'Bedrag',
    status: 'Status',
    empty: 'Nog geen verkopen.',
    history: 'Verloop',
    timeline: 'Tijdlijn',
  },
  timeline: {
    title: 'Tijdlijn van de betaling',
    close: 'Sluiten',
    empty: 'Nog geen statuswijzigingen geregistreerd.',
    time: 'Tijd',
    change: 'Wijziging',
    source: 'Bron',
    start: 'Nieuw',
    to: 'naar',
    sources: {
      create: 'Aangemaakt',
      poll: 'Opgevraagd (polling)',
      callback: 'Callback van Bancontact',
      sweep: 'Zoekronde',
      cancel: 'Geannuleerd door de kassier',
      recovery: 'Herstel na herstart',
    },
  },
  ...topupNl,
  ...articlesNl,
  ...agreementsNl,
  ...rejectedCallbacksNl,
  ...backupsNl,
  ...refundKeysNl,
  ...chargesNl,
  ...tillAgreementNl,
  ...pproSettingsNl,
  ...stickersNl,
  ...inboxNl,
  ...helpNl,
  ...returnsNl,
  ...receiptsNl,
  ...splitNl,
  ...reportsNl,
  ...restoreNl,
  ...stationNl,
  ...staffNl,
  ...devicesNl,
  ...auditNl,
  ...salesSetupNl,
  paymentStatus: {
    CREATING: 'Wordt aangemaakt',
    PENDING: 'Wachten op de klant',
    IDENTIFIED: 'Gescand',
    AUTHORIZED: 'Goedgekeurd',
    PENDING_MERCHANT_ACKNOWLEDGEMENT: 'Wacht op bevestiging door de handelaar',
    SUCCEEDED: 'Betaald',
    AUTHORIZATION_FAILED: 'Geweigerd',
    FAILED: 'Mislukt',
    CANCELLED: 'Geannuleerd',
    EXPIRED: 'Verlopen',
    VOIDED: 'Ongedaan gemaakt',
    CREATE_FAILED: 'Niet aangemaakt',
  },
  qr: { label: 'Bancontact-QR-code' },
  ...customerNl,
  ...registerNl,
  training: {
    title: 'Klant (oefening)',
    hint: 'Speel de klant: deze knoppen doen wat de bankapp zou doen.',
    scan: 'Scannen',
    confirm: 'Bevestigen',
    refuse: 'Weigeren',
  },
  settings: {
    title: 'Instellingen',
    mode: 'Modus',
    modes: { training: 'Oefenen', live: 'Live' },
    trainingExplained: 'Kassa staat in oefenmodus: betalingen worden gesimuleerd en er gaat geen geld over.',
    goLiveTitle: 'Live gaan met Bancontact',
    environment: 'Omgeving',
    environments: { preprod: 'Preprod (test)', production: 'Productie' },
    ppid: 'Betaalprofiel-id (PPID)',
    apiKey: 'API-sleutel',
    test: 'Verbinding testen',
    works: 'De verbinding werkt',
    goLive: 'Deze gegevens gebruiken',
    liveExplained: 'Kassa ontvangt echte Bancontact-betalingen.',
    backToTraining: 'Terug naar oefenmodus',
    needPpid: 'Vul het betaalprofiel-id in (enkel letters en cijfers).',
    needApiKey: 'Vul de API-sleutel in (minstens 8 tekens).',
    malformedApiKey:
      'Deze API-sleutel bevat een teken dat een API-sleutel niet kan hebben (een speciaal streepje, een spatie of een regeleinde). Kopieer hem opnieuw uit het portaal.',
    goLiveNeedsKey: 'Vul de API-sleutel in om deze gegevens te gebruiken.',
    goLiveNeedsTest:
      'Test eerst de verbinding: precies deze gegevens kunnen gebruikt worden zodra hun test geslaagd is (binnen 10 minuten).',
    save: 'Opslaan',
    remove: 'Verwijderen',
    saved: 'Opgeslagen.',
    paymentUpdatesTitle: 'Betalingsupdates',
    callbacksOn: 'Kassa ontvangt de callbacks van Bancontact op dit adres:',
    pollingOnly:
      'Geen publieke URL: Kassa vraagt elke betaling regelmatig op (polling). Betalingen worden nog altijd bevestigd, alleen iets trager.',
    publicUrl: 'Publieke URL',
    publicUrlHint:
      'Het https-adres van een reverse proxy of tunnel die doorstuurt naar de poort van dit station.',
    publicUrlNeedHttps:
      'De publieke URL moet beginnen met https:// — Bancontact roept enkel beveiligde adressen aan.',
    publicUrlInvalid: 'Vul een volledig adres in, zoals https://kassa.example.be.',
    publicUrlBaseOnly: 'Vul alleen het basisadres in, zonder gebruikersnaam, ? of #.',
    thisTillTitle: 'Deze kassa',
    stickerPosId: 'POS-id van de sticker',
    stickerHint:
      'Met een sticker scant de klant de gedrukte sticker aan de kassa in plaats van een QR-code op het scherm.',
    stickerPosIdInvalid: 'Het POS-id van de sticker bestaat uit 1 tot 36 letters en cijfers.',
  },
  amountProblem: {
    empty: 'Typ eerst een bedrag.',
    not_a_number: 'Dat is geen bedrag. Gebruik cijfers en één komma, zoals 12,50.',
    too_many_decimals: 'Gebruik hoogstens twee decimalen (centen).',
    zero: 'Het bedrag moet groter zijn dan nul.',
    negative: 'Het bedrag mag niet negatief zijn.',
    too_large: 'Dat bedrag is te groot voor Bancontact.',
  },
  errors: {
    MALFORMED_REQUEST: 'Het station begreep de aanvraag niet.',
    UNKNOWN_METHOD: 'Het station kent deze actie niet. Is het up-to-date?',
    INVALID_INPUT: 'Sommige gegevens zijn niet geldig.',
    FORBIDDEN: 'U mag dit niet doen op dit toestel.',
    NOT_FOUND: 'Deze verkoop of betaling werd niet gevonden.',
    CONFLICT: 'Dit is intussen gewijzigd. Kijk opnieuw en probeer nog eens.',
    PAYMENT_OPEN: 'Er staat nog een betaling open. Rond die eerst af of annuleer ze.',
    NOT_IN_TRAINING: 'Dit kan alleen in oefenmodus.',
    NOT_CONFIGURED: 'Bancontact is nog niet ingesteld. Vul de gegevens in bij Instellingen.',
    BANCONTACT_UNAUTHORIZED: 'Bancontact weigerde de API-sleutel',
    BANCONTACT_REJECTED: 'Bancontact wees de aanvraag af',
    BANCONTACT_UNAVAILABLE: 'Bancontact is momenteel niet beschikbaar',
    BANCONTACT_TIMEOUT: 'Bancontact antwoordde niet op tijd',
    NETWORK_DOWN: 'Geen netwerkverbinding met Bancontact',
    INTERNAL: 'Het station had een probleem. Probeer opnieuw.',
    DRAWER_NOT_OPEN: 'De kassalade van deze kassa is niet open. Open ze eerst met een wisselgeld.',
    DRAWER_ALREADY_OPEN: 'De kassalade van deze kassa is al open.',
    DRAWERS_OPEN: 'Er is nog een kassalade open. Tel en sluit elke lade voor u de dag afsluit.',
    TENDERED_TOO_LOW: 'Het gegeven bedrag is lager dan het te betalen bedrag.',
    NOT_ENOUGH_CASH: 'Er zit niet zoveel contant geld in de lade.',
    DAY_ALREADY_CLOSED: 'Deze verkoopdag is al afgesloten met een Z-rapport.',
    EARLIER_DAY_OPEN: 'Een eerdere verkoopdag met verkopen is nog niet afgesloten. Sluit die eerst af.',
    DAY_NOT_STARTED: 'Deze verkoopdag is nog niet begonnen.',
    INVALID_WRISTBAND_ID: 'Dit is geen geldige polsbandcode. Scan opnieuw of controleer de getypte tekens.',
    WRISTBAND_BLOCKED: 'Deze polsband is geblokkeerd (als verloren gemeld). Hij kan niet gebruikt worden.',
    WRISTBAND_CLOSED: 'Deze polsband is afgesloten: het saldo werd terugbetaald.',
    INSUFFICIENT_FUNDS: 'Onvoldoende tegoed op deze polsband.',
    NO_REFUNDS_READY: 'Nog geen terugbetaling klaar: haal eerst de IBAN’s van de betalers op.',
    AMOUNT_MODE_MISMATCH:
      'Dit top-upprofiel is voor andere codes ingesteld. Bancontact-support legt het bedragtype van een profiel vast (open, aanpasbaar of vast); druk codes van dat type, of gebruik een profiel dat voor dit type is ingesteld.',
    DATABASE_UNREACHABLE:
      'De databaseserver is niet bereikbaar: er is niets opgeslagen. Probeer zo opnieuw; Kassa gaat verder zodra hij antwoordt.',
    DISK_FULL:
      'De schijf met de gegevens van Kassa is vol: maak er ruimte vrij en probeer opnieuw. Er is niets half weggeschreven.',
    diskFullFolder: 'Gegevensmap: {{folder}}',
    STATION_REFUSED:
      'Het station weigerde te starten met deze bestanden. Een beheerder kan een back-up terugzetten of een nieuw boek beginnen.',
    BACKUP_INVALID: 'Dit bestand is geen back-up van Kassa, of het is beschadigd.',
    CONNECTION_NOT_TESTED:
      'Test eerst de verbinding met precies deze gegevens: live gaan vraagt een geslaagde test van de laatste 10 minuten.',
    NO_LIVE_PROFILE:
      'De winkel van deze kassa heeft nog geen live Bancontact-displayprofiel. Een beheerder stelt het in en zet het live via Instellingen → Winkels en verkoop.',
    MALFORMED_API_KEY:
      'Deze API-sleutel bevat een teken dat een API-sleutel niet kan hebben (een speciaal streepje, een spatie of een regeleinde). Kopieer hem opnieuw uit het portaal.',
    EVENT_ENDED:
      'Het evenement is afgelopen: polsbandjes kunnen niet meer betalen. Reken af met cash of Bancontact.',
    EVENT_NOT_ENDED:
      'Beëindig eerst het evenement: terugbetalingsbestanden kunnen pas na het evenement gemaakt worden.',
    PAYLOAD_TOO_LARGE: 'Dit is te groot voor het station.',
    NOT_SIGNED_IN: 'Meld eerst aan.',
    WRONG_SECRET: 'Verkeerde pincode of verkeerd wachtwoord.',
    STAFF_LOCKED:
      'Te veel foute pogingen: deze persoon is een tijd vergrendeld. Wacht tot het getoonde tijdstip of vraag het aan een beheerder.',
    STAFF_BLOCKED: 'Deze persoon is geblokkeerd. Een beheerder kan hem of haar opnieuw activeren.',
    WEAK_PASSWORD:
      'Het wachtwoord heeft minstens 10 tekens nodig, met een hoofdletter, een cijfer en een speciaal teken.',
    INVALID_PIN: 'Een pincode bestaat uit 4 tot 6 cijfers.',
    PAIRING_CODE_INVALID: 'Deze koppelcode is verlopen of al gebruikt. Vraag een nieuwe aan het station.',
    DEVICE_REVOKED:
      'Dit toestel is niet meer gekoppeld aan het station. Koppel het opnieuw vanaf het station.',
    WRONG_TILL: 'Dit toestel hoort bij een andere kassa.',
    ADMINISTRATOR_REQUIRED: 'Maak eerst een beheerder met een wachtwoord aan.',
    LAST_ADMINISTRATOR: 'Dit is de laatste beheerder: maak eerst een andere aan.',
    DISCOUNT_NEEDS_MANAGER:
      'Zo’n grote korting vraagt een verantwoordelijke of beheerder. Laat die zich aanmelden op deze kassa.',
    REFUND_BY_IBAN:
      'Bancontact kan deze betaling niet zelf terugbetalen (de Refund API staat niet aan voor deze handelaar, of het kan nu niet). Betaal terug met een overschrijving naar het terugbetalings-IBAN van de betaler.',
    REFUND_SIGNATURE_REFUSED:
      'Bancontact aanvaardde de handtekening van dit station niet. Een beheerder moet de huidige publieke sleutel (JWKS, Instellingen → Terugbetalingen) aan Bancontact bezorgen.',
    REFUND_AMOUNT_TOO_HIGH: 'Dit is meer dan wat er van deze betaling nog terugbetaald kan worden.',
    REFUND_REQUEST_CONFLICT: 'Deze terugbetaling werd al gevraagd met een ander bedrag. Bekijk de terugbetalingen van deze verkoop.',
    PAYMENT_NOT_REFUNDABLE: 'Bancontact kan deze betaling niet terugbetalen: ze is niet gelukt of niet gekend.',
    // Betaalakkoorden via PPRO.
    PPRO_NOT_SET_UP:
      'Terugkerende betalingen zijn niet ingesteld: een beheerder vult de PPRO-instellingen in bij Instellingen.',
    PPRO_ABOVE_MAXIMUM: 'Dit bedrag ligt boven het maximum voor terugkerende Bancontact-betalingen.',
    PPRO_REFUSED: 'PPRO weigerde de terugkerende betaling. Controleer de gegevens en probeer opnieuw.',
    PPRO_UNAUTHORIZED: 'PPRO weigerde de API-sleutel: een beheerder controleert de PPRO-instellingen.',
    PPRO_UNAVAILABLE: 'PPRO is nu niet bereikbaar. Probeer het zo meteen opnieuw.',
    STATION_UNREACHABLE: 'Het station is niet bereikbaar. Controleer of Kassa draait en probeer opnieuw.',
    checkFields: 'Controleer: {{fields}}',
  },
  ...fieldTextsNl,
};
