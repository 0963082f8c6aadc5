/** The refusal screen: why the station would not start, and the ways out. */
export const stationEn = {
  refused: {
    title: 'Kassa did not start',
    intro: 'Kassa found something wrong with its files and stopped rather than guess. Nothing was changed.',
    file: 'File',
    details: 'Details',
    problem: {
      missing: '{{file}} is missing, but this computer had been keeping its books in it.',
      empty: '{{file}} is empty.',
      'not-sqlite': '{{file}} is not a Kassa database.',
      damaged: '{{file}} is damaged.',
      'no-identity': '{{file}} is not the book this computer kept.',
      'other-book': '{{file}} holds the books of another till or installation.',
      'older-z': '{{file}} is older than the books: a later Z report is missing from it.',
      'bad-field': '{{file}} has a wrong value in the field “{{field}}”.',
      'not-json': '{{file}} is damaged (cut off or not readable as settings).',
      unreadable: '{{file}} cannot be read.',
      'read-only': 'The data folder cannot be written to.',
      'no-credentials': '{{file}} holds no Bancontact API key, but the settings say live mode.',
    },
    remediesTitle: 'What you can do',
    remedy: {
      fixField: 'Correct or remove the field “{{field}}” in {{file}}, then start Kassa again.',
      fixFile:
        'Correct {{file}}, or move it away to start from the defaults (API keys must then be entered again), then start Kassa again.',
      makeWritable: 'Make the folder writable, or start Kassa with another data folder, then start it again.',
      enterCredentials:
        'Put {{file}} back, or set “mode” to “training” in settings.json, start Kassa again and enter the credentials again in Settings.',
    },
    newBook: {
      title: 'Start a new book',
      explained:
        'Starts an empty book. Its Z reports continue after the last Z number issued, so no number is used twice.',
      start: 'Start a new book…',
      confirm:
        '{{file}} is not deleted: it is renamed to {{aside}} and stays in the data folder. Sales and reports in it will no longer show in Kassa.',
      typeToConfirm: 'Type {{file}} to confirm',
      go: 'Start the new book',
      back: 'Back',
      done: 'A new book was started. Its first Z will be number {{number}}.',
    },
    checkAgain: 'Check again',
  },
};
