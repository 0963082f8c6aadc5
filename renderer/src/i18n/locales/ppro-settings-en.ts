/** Settings → Recurring Bancontact (PPRO): the merchant's PPRO account. */
export const pproSettingsEn = {
  pproSettings: {
    title: 'Recurring Bancontact (PPRO)',
    explained:
      'Memberships and passes paid every period go through your PPRO account. Training mode uses a simulated PPRO; live mode needs these settings.',
    notConfigured: 'Not set up: live mode cannot sell recurring payments.',
    baseUrl: 'PPRO address (URL)',
    merchantId: 'Merchant id',
    apiKey: 'API key (leave empty to keep the stored key)',
    keyStored: 'An API key is stored.',
    noKey: 'No API key is stored.',
    maximum: 'Maximum per payment in euro (as agreed with PPRO)',
    termsVersion: 'Your terms the customer approves (version or web address)',
    save: 'Save',
    test: 'Test the connection',
    tested: {
      ok: 'PPRO accepted the key.',
      unauthorised: 'PPRO refused the key or the merchant id.',
      unreachable: 'PPRO cannot be reached at this address.',
      unexpected: 'PPRO answered something unexpected: check the address.',
    },
  },
};
