/** The closing screen's refused callbacks (English, the reference). */
export const rejectedCallbacksEn = {
  rejectedCallbacks: {
    title: 'Refused callbacks',
    explained:
      'Callbacks whose signature did not verify, counted per hour; the first few of each hour are kept to look at. Kassa answered them with an error and applied none of them.',
    none: 'No callback has been refused.',
    refresh: 'Refresh',
    time: 'Received',
    reason: 'Reason',
    detail: 'Detail',
    hour: 'Hour',
    count: 'Refused',
    samples: 'First ones received',
    profile: 'profile {{ppid}}',
    moreCounted: 'Counted, not kept: {{number}}',
    reasons: {
      MISSING_SIGNATURE: 'No signature',
      MALFORMED_SIGNATURE: 'Unreadable signature',
      WRONG_ALGORITHM: 'Wrong algorithm',
      WRONG_CRIT: 'Wrong critical claims',
      WRONG_ISSUER: 'Wrong issuer',
      WRONG_SUBJECT: 'Another payment profile',
      WRONG_PATH: 'Sent to another address',
      BAD_IAT: 'Bad signing time',
      MISSING_JTI: 'No callback id',
      UNKNOWN_KEY: 'Unknown signing key',
      BAD_SIGNATURE: 'Signature does not match',
      JWKS_UNAVAILABLE: 'Bancontact keys unavailable',
      MALFORMED_BODY: 'Unreadable content',
    },
  },
};
