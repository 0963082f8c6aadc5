import type { Catalogue } from './en';
import type { backupsEn } from './backups-en';

export const backupsNl: Catalogue<typeof backupsEn> = {
  backups: {
    title: 'Back-ups',
    explained:
      'Het station kopieert de boekhouding van deze modus na elke Z, om de paar minuten zolang er verkocht wordt, en voordat een update de database aanpast.',
    pruning:
      'Bewaard: elke back-up van de laatste 24 uur, daarna de nieuwste van elke dag gedurende 30 dagen, en de back-ups na een Z of vóór een update een jaar lang; de nieuwste back-up wordt nooit verwijderd.',
    folder: 'Map voor back-ups',
    folderHint:
      'Kies een andere schijf (een USB-stick of een tweede schijf), zodat een defecte schijf de back-ups niet meeneemt. Leeg: de map backups in de gegevensmap van Kassa.',
    folderNotAbsolute: 'Typ het volledige pad vanaf de basis, zoals /media/usb/kassa of D:\\Kassa.',
    folderRefused:
      'Het station kan deze map niet aanmaken of er niet in schrijven. Is de schijf aangesloten en beschrijfbaar?',
    saveFolder: 'Map bewaren',
    useDefault: 'Gegevensmap gebruiken',
    interval: 'Minuten tussen back-ups tijdens de verkoop',
    intervalHint: 'Alleen als er iets veranderde sinds de vorige back-up. Van 1 tot 1440.',
    intervalProblem: 'Typ een geheel aantal minuten van 1 tot 1440.',
    saveInterval: 'Interval bewaren',
    saved: 'Bewaard.',
    runNow: 'Nu een back-up maken',
    running: 'Back-up bezig…',
    done: 'Back-up gemaakt: {{file}}.',
    last: 'Laatste back-up: {{when}} ({{reason}}).',
    none: 'Nog geen back-up van de boekhouding van deze modus.',
    failed:
      'De laatste back-up is mislukt ({{reason}}, {{when}}): {{message}}. Controleer de map voor back-ups en druk op Nu een back-up maken.',
    failedShort:
      'De laatste back-up van de boekhouding is mislukt ({{when}}). Een manager moet Instellingen → Back-ups nakijken.',
    recent: 'Recente back-ups',
    when: 'Gemaakt',
    reason: 'Waarom',
    database: 'Boekhouding',
    size: 'Grootte',
    reasons: {
      z: 'na een Z',
      interval: 'tijdens de verkoop',
      migration: 'vóór een update',
      manual: 'met de hand',
      restore: 'vóór een herstel',
    },
    databases: { 'kassa.sqlite': 'productie', 'preprod.sqlite': 'preprod', 'training.sqlite': 'oefenen' },
  },
};
