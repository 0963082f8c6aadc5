/** Settings → Refunds: the merchant's own key for Bancontact's Refund API. */
export const refundKeysEn = {
  refundKeys: {
    title: 'Refunds through Bancontact',
    explained:
      'Bancontact only accepts refunds signed with your own key. Hand Bancontact its public part once: download the file below, or give them the URL. The private part never leaves this station.',
    profile: 'Payment profile',
    keyId: 'Key id',
    oldKeysKept: '(older keys are still published for 7 days: {{count}})',
    jwksUrl: 'URL for Bancontact',
    noPublicUrl: 'Set a public URL above to give Bancontact a URL; until then, hand over the file.',
    download: 'Download the public key (JWKS) for Bancontact',
    rotate: 'Make a new key',
    rotateQuestion: 'Make a new signing key?',
    rotateExplained:
      'Refunds through Bancontact are refused until Bancontact has the new public key: hand over the new file at once (or let them read the URL again). The old key stays published for 7 days.',
    rotateYes: 'Yes, make a new key',
    rotateNo: 'Cancel',
  },
};
