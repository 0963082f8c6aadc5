import type { Catalogue } from './en';
import type { backupsEn } from './backups-en';

export const backupsFr: Catalogue<typeof backupsEn> = {
  backups: {
    title: 'Sauvegardes',
    explained:
      'La station copie la comptabilité de ce mode après chaque Z, toutes les quelques minutes pendant les ventes, et avant qu’une mise à jour ne modifie la base de données.',
    pruning:
      'Conservées : toutes les sauvegardes des dernières 24 heures, puis la plus récente de chaque jour pendant 30 jours, et les sauvegardes après un Z ou avant une mise à jour pendant un an ; la plus récente n’est jamais supprimée.',
    folder: 'Dossier des sauvegardes',
    folderHint:
      'Choisissez un autre disque (une clé USB ou un second disque), pour qu’un disque en panne n’emporte pas les sauvegardes. Vide : le dossier backups dans le dossier de données de Kassa.',
    folderNotAbsolute: 'Tapez le chemin complet depuis la racine, par exemple /media/usb/kassa ou D:\\Kassa.',
    folderRefused:
      'La station ne peut pas créer ce dossier ni y écrire. Le disque est-il branché et accessible en écriture ?',
    saveFolder: 'Enregistrer le dossier',
    useDefault: 'Utiliser le dossier de données',
    interval: 'Minutes entre deux sauvegardes pendant les ventes',
    intervalHint: 'Seulement si quelque chose a changé depuis la dernière sauvegarde. De 1 à 1440.',
    intervalProblem: 'Tapez un nombre entier de minutes de 1 à 1440.',
    saveInterval: 'Enregistrer l’intervalle',
    saved: 'Enregistré.',
    runNow: 'Sauvegarder maintenant',
    running: 'Sauvegarde en cours…',
    done: 'Sauvegardé dans {{file}}.',
    last: 'Dernière sauvegarde : {{when}} ({{reason}}).',
    none: 'Aucune sauvegarde de la comptabilité de ce mode pour l’instant.',
    failed:
      'La dernière sauvegarde a échoué ({{reason}}, {{when}}) : {{message}}. Vérifiez le dossier des sauvegardes et appuyez sur Sauvegarder maintenant.',
    failedShort:
      'La dernière sauvegarde de la comptabilité a échoué ({{when}}). Un responsable doit vérifier Paramètres → Sauvegardes.',
    recent: 'Sauvegardes récentes',
    when: 'Prise',
    reason: 'Pourquoi',
    database: 'Comptabilité',
    size: 'Taille',
    reasons: {
      z: 'après un Z',
      interval: 'pendant les ventes',
      migration: 'avant une mise à jour',
      manual: 'à la main',
      restore: 'avant une restauration',
    },
    databases: {
      'kassa.sqlite': 'production',
      'preprod.sqlite': 'préproduction',
      'training.sqlite': 'formation',
    },
  },
};
