/** Restoring a backup and what its gap brought back (English, the reference). */
export const restoreEn = {
  restore: {
    title: 'Restore a backup',
    explained:
      'Puts a backup in the place of its database. The current file is kept beside it, never deleted.',
    none: 'No backups in the backup folder yet.',
    taken: 'Taken',
    database: 'Database',
    reason: 'Why',
    size: 'Size',
    choose: 'Restore this one',
    reasons: {
      z: 'After a Z',
      interval: 'Every few minutes',
      migration: 'Before an update',
      manual: 'By hand',
      restore: 'Before a restore',
    },
    confirmTitle: 'Restore {{database}} from the backup taken {{time}}?',
    confirmKept: 'The current {{database}} is kept beside it as {{database}}.before-restore-….',
    confirmRecovered:
      'Bancontact payments and top-ups made since then are searched at Bancontact and come back by themselves.',
    confirmLost:
      'Cash sales, wristband payments at the bars and cash drawer movements made since then cannot come back.',
    confirm: 'Restore',
    back: 'Back',
    restoring: 'Restoring…',
    done: '{{database}} was restored from {{file}}.',
    doneKept: 'The replaced file is kept as {{file}}.',
    lostZ:
      'Z {{numbers}} was issued after this backup and is lost with it: Bancontact payments brought back from the gap may already be in it. Compare them with the printed Z.',
    nextZ: 'The next Z report gets number {{number}} or higher: no Z number is used twice.',
    refresh: 'Refresh the list',
  },
  recovered: {
    title: 'What the last restore brought back',
    when: 'Restored {{restored}} from {{file}} (backup taken {{taken}}).',
    searching:
      'Searching Bancontact for the payments made since {{from}}… (retried until Bancontact answers)',
    searchedFrom: 'Bancontact was searched for everything since {{from}}.',
    none: 'Bancontact had no payment that the restored book did not know.',
    kind: 'What',
    amount: 'Amount',
    paidAt: 'Paid',
    where: 'Booked as',
    kinds: { sale: 'Bancontact sale', topup: 'Top-up' },
    saleBooked: 'A sale today, till “recovered”',
    wristband: 'Wristband {{id}}',
    attention: 'Needs attention (wristband unknown)',
    lostTitle: 'What cannot come back',
    lostExplained: 'Made between {{from}} and {{to}}, these exist nowhere but in the lost file:',
    lost: {
      cash_sales: 'cash sales',
      wristband_debits: 'wristband payments at the bars',
      drawer_movements: 'cash drawer floats, cash in and out, and counts',
      festival_unreadable:
        'if the replaced file could not be read: the end of the event and refund files made since the backup (check the Top-up screen and your bank before the bars reopen or another refund file is made)',
    },
  },
};
