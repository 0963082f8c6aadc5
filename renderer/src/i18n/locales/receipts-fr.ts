import { mailFr } from './mail-fr';
import type { receiptsEn } from './receipts-en';
import type { Catalogue } from './en';

/** Les tickets à l'écran, l'avis d'imprimante à la caisse et Paramètres → Imprimantes (français). */
export const receiptsFr: Catalogue<typeof receiptsEn> = {
  receipts: {
    title: 'Ticket de caisse',
    printAgain: 'Réimprimer',
    pdf: 'PDF',
    reprinted: 'Envoyé à l’imprimante comme copie.',
    offline: 'Imprimante {{name}} hors ligne — le ticket s’imprimera dès son retour.',
    waiting: 'Tickets en attente : {{count}}',
    noPrinter:
      'Cette caisse n’a pas d’imprimante. Un administrateur en choisit une dans Paramètres → Imprimantes.',
  },
  printers: {
    title: 'Imprimantes',
    explained:
      'Imprimantes de tickets en réseau (ESC/POS sur TCP, en général le port 9100). Une vente n’attend jamais l’imprimante : les tickets attendent son retour.',
    none: 'Aucune imprimante pour l’instant.',
    add: 'Ajouter une imprimante',
    edit: 'Modifier',
    remove: 'Supprimer',
    removeQuestion:
      'Supprimer l’imprimante {{name}} ? Ses caisses n’impriment alors plus nulle part jusqu’au choix d’une autre imprimante.',
    removeYes: 'Oui, supprimer',
    save: 'Enregistrer l’imprimante',
    cancel: 'Annuler',
    name: 'Nom',
    host: 'Adresse (nom d’hôte ou IP)',
    port: 'Port',
    paper: 'Papier',
    paper58: '58 mm (32 colonnes)',
    paper80: '80 mm (48 colonnes)',
    codePage: 'Page de codes',
    drawer: 'Un tiroir-caisse est branché sur cette imprimante',
    drawerYes: 'Tiroir-caisse',
    testPage: 'Imprimer une page de test',
    testPrinted: 'La page de test a été imprimée sur {{name}}.',
    testFailed: '{{name}} n’a pas pris la page de test : {{error}}',
    saved: 'Enregistré.',
    tillsTitle: 'Quelle caisse imprime où',
    till: 'Caisse',
    printer: 'Imprimante',
    noPrinter: 'Aucune imprimante',
    autoPrint: 'Imprimer chaque vente d’office',
  },
  // Settings → E-mailed receipts: the receipts of recurring payments go by e-mail (mail-fr.ts).
  ...mailFr,
};
