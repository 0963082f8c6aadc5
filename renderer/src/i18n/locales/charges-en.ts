/** Settings → Recurring Bancontact: how failed charges on payment agreements are tried again. */
export const chargesEn = {
  charges: {
    title: 'Recurring Bancontact: failed charges',
    explained:
      'When a charge on a payment agreement fails (the bank declines it, PPRO does not answer), Kassa tries it again after each of these waits, then gives it up. A refusal that will not change (the agreement was stopped, the amount is above your maximum) is not tried again.',
    tries: 'Try again after',
    try: 'Wait {{number}}',
    minutes: 'minutes',
    none: 'A failed charge is not tried again.',
    add: 'Add a wait',
    remove: 'Remove wait {{number}}',
    save: 'Save',
    saved: 'Saved.',
    readOnly: 'Only an administrator changes this.',
    duration: '{{text}} after the previous failure',
  },
};
