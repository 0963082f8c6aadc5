/** How Bancontact support set up a top-up profile's amount: the payer types it, may change it, or cannot. */
export const TOPUP_AMOUNT_MODES = ['open', 'modifiable', 'fixed'] as const;
export type TopupAmountMode = (typeof TOPUP_AMOUNT_MODES)[number];

/** Template codes (A) carry 1 … 999 999 cents, a lower cap than the API's. */
export const MAX_TOPUP_CODE_CENTS = 999_999;
