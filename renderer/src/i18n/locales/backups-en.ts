/** Settings → Backups and the warning on the Closing screen (English, the reference). */
export const backupsEn = {
  backups: {
    title: 'Backups',
    explained:
      'The station copies this mode’s books after every Z, every few minutes while sales come in, and before an update changes the database.',
    pruning:
      'Kept: every backup of the last 24 hours, then the newest of each day for 30 days, and the backups after a Z or before an update for a year; the newest backup is never removed.',
    folder: 'Backup folder',
    folderHint:
      'Point it at another disk (a USB stick or a second drive), so that a broken disk does not take the backups with it. Empty: the backups folder inside Kassa’s data folder.',
    folderNotAbsolute: 'Type the whole path from the root, such as /media/usb/kassa or D:\\Kassa.',
    folderRefused: 'The station cannot create or write this folder. Is the disk plugged in and writable?',
    saveFolder: 'Save folder',
    useDefault: 'Use the data folder',
    interval: 'Minutes between backups while selling',
    intervalHint: 'Only when something changed since the last backup. From 1 to 1440.',
    intervalProblem: 'Type a whole number of minutes from 1 to 1440.',
    saveInterval: 'Save interval',
    saved: 'Saved.',
    runNow: 'Back up now',
    running: 'Backing up…',
    done: 'Backed up to {{file}}.',
    last: 'Last backup: {{when}} ({{reason}}).',
    none: 'No backup of this mode’s books yet.',
    failed:
      'The last backup failed ({{reason}}, {{when}}): {{message}}. Check the backup folder and press Back up now.',
    failedShort: 'The last backup of the books failed ({{when}}). A manager must check Settings → Backups.',
    recent: 'Recent backups',
    when: 'Taken',
    reason: 'Why',
    database: 'Books',
    size: 'Size',
    reasons: {
      z: 'after a Z',
      interval: 'while selling',
      migration: 'before an update',
      manual: 'by hand',
      restore: 'before a restore',
    },
    databases: { 'kassa.sqlite': 'production', 'preprod.sqlite': 'preprod', 'training.sqlite': 'training' },
  },
};
