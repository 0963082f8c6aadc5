import type { Catalogue } from './en';
import type { stationEn } from './station-en';

export const stationFr: Catalogue<typeof stationEn> = {
  refused: {
    title: 'Kassa n’a pas démarré',
    intro:
      'Kassa a trouvé une erreur dans ses fichiers et s’est arrêtée plutôt que de deviner. Rien n’a été modifié.',
    file: 'Fichier',
    details: 'Détails',
    problem: {
      missing: '{{file}} est introuvable, alors que cet ordinateur y tenait sa comptabilité.',
      empty: '{{file}} est vide.',
      'not-sqlite': '{{file}} n’est pas une base de données Kassa.',
      damaged: '{{file}} est endommagé.',
      'no-identity': '{{file}} n’est pas la comptabilité que tenait cet ordinateur.',
      'other-book': '{{file}} contient la comptabilité d’une autre caisse ou installation.',
      'older-z': '{{file}} est plus ancien que la comptabilité : un rapport Z plus récent y manque.',
      'bad-field': '{{file}} contient une valeur erronée dans le champ « {{field}} ».',
      'not-json': '{{file}} est endommagé (tronqué ou illisible comme réglages).',
      unreadable: '{{file}} ne peut pas être lu.',
      'read-only': 'Le dossier de données n’est pas accessible en écriture.',
      'no-credentials':
        '{{file}} ne contient aucune clé API Bancontact, mais les réglages indiquent le mode réel.',
    },
    remediesTitle: 'Ce que vous pouvez faire',
    remedy: {
      fixField: 'Corrigez ou supprimez le champ « {{field}} » dans {{file}}, puis redémarrez Kassa.',
      fixFile:
        'Corrigez {{file}}, ou mettez-le de côté pour repartir des valeurs par défaut (les clés API devront alors être saisies à nouveau), puis redémarrez Kassa.',
      makeWritable:
        'Rendez le dossier accessible en écriture, ou démarrez Kassa avec un autre dossier de données, puis redémarrez.',
      enterCredentials:
        'Remettez {{file}} en place, ou mettez « mode » sur « training » dans settings.json, redémarrez Kassa et saisissez à nouveau les identifiants dans les Réglages.',
    },
    newBook: {
      title: 'Commencer un nouveau livre',
      explained:
        'Commence une comptabilité vide. Ses rapports Z continuent après le dernier numéro de Z émis : aucun numéro n’est utilisé deux fois.',
      start: 'Commencer un nouveau livre…',
      confirm:
        '{{file}} n’est pas effacé : il est renommé {{aside}} et reste dans le dossier de données. Les ventes et rapports qu’il contient ne seront plus visibles dans Kassa.',
      typeToConfirm: 'Tapez {{file}} pour confirmer',
      go: 'Commencer le nouveau livre',
      back: 'Retour',
      done: 'Un nouveau livre a commencé. Son premier Z portera le numéro {{number}}.',
    },
    checkAgain: 'Vérifier à nouveau',
  },
};
