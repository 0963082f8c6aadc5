import { articlesEn } from './articles-en';
import { agreementsEn } from './agreements-en';
import { rejectedCallbacksEn } from './rejected-callbacks-en';
import { reportsEn } from './reports-en';
import { fieldTextsEn } from './fields-en';
import { restoreEn } from './restore-en';
import { stationEn } from './station-en';
import { staffEn } from './staff-en';
import { customerEn } from './customer-en';
import { registerEn } from './register-en';
import { devicesEn } from './devices-en';
import { auditEn } from './audit-en';
import { backupsEn } from './backups-en';
import { refundKeysEn } from './refund-keys-en';
import { chargesEn } from './charges-en';
import { tillAgreementEn } from './till-agreement-en';
import { pproSettingsEn } from './ppro-settings-en';
import { stickersEn } from './stickers-en';
import { inboxEn } from './inbox-en';
import { helpEn } from './help-en';
import { returnsEn } from './returns-en';
import { receiptsEn } from './receipts-en';
import { splitEn } from './split-en';
import { topupEn } from './topup-en';
import { salesSetupEn } from './sales-setup-en';

/** English is the reference catalogue: nl and fr must have exactly these keys (checked by type and test). */
export const en = {
  app: {
    name: 'Kassa',
    training: 'Training mode — no real money',
    nav: 'Screens',
    language: 'Language',
    loading: 'Loading…',
  },
  nav: {
    till: 'Till',
    customer: 'Customer display',
    settings: 'Settings',
    topup: 'Top-up',
    reports: 'Closing',
    articles: 'Articles',
    agreements: 'Agreements',
    stickers: 'QR codes',
    staff: 'Staff',
    devices: 'Linked devices',
    audit: 'Audit log',
  },
  languages: { en: 'English', nl: 'Nederlands', fr: 'Français' },
  till: {
    payWristband: 'Pay with wristband',
    amount: 'Amount',
    pay: 'Pay with Bancontact',
    numpad: 'Numpad',
    backspace: 'Backspace',
    clear: 'Clear',
    currentSale: 'Current sale',
    noSale: 'Type an amount and press Pay with Bancontact.',
    cancel: 'Cancel',
    retry: 'Retry',
    newSale: 'New sale',
    stillOpen: 'This payment is still open. Stop it before starting a new sale?',
    stopPayment: 'Stop the payment',
    keepWaiting: 'Keep waiting',
    scanSticker: 'Ask the customer to scan the sticker',
  },
  phase: {
    creating: 'Creating payment…',
    waiting: 'Waiting for customer',
    scanned: 'Scanned',
    paid: 'Paid',
    refused: 'Refused',
    expired: 'Expired',
    cancelled: 'Cancelled',
    failed: 'Payment failed',
  },
  saleStatus: { open: 'Open', paid: 'Paid', unpaid: 'Unpaid', cancelled: 'Cancelled' },
  recent: {
    title: 'Recent sales',
    time: 'Time',
    amount: 'Amount',
    status: 'Status',
    empty: 'No sales yet.',
    history: 'History',
    timeline: 'Timeline',
  },
  timeline: {
    title: 'Payment timeline',
    close: 'Close',
    empty: 'No status changes recorded yet.',
    time: 'Time',
    change: 'Change',
    source: 'Source',
    start: 'New',
    to: 'to',
    sources: {
      create: 'Created',
      poll: 'Polled',
      callback: 'Callback',
      sweep: 'Search sweep',
      cancel: 'Cancelled by cashier',
      recovery: 'Recovery',
    },
  },
  ...topupEn,
  ...articlesEn,
  ...agreementsEn,
  ...rejectedCallbacksEn,
  ...backupsEn,
  ...refundKeysEn,
  ...chargesEn,
  ...tillAgreementEn,
  ...pproSettingsEn,
  ...stickersEn,
  ...inboxEn,
  ...helpEn,
  ...returnsEn,
  ...receiptsEn,
  ...splitEn,
  ...reportsEn,
  ...restoreEn,
  ...stationEn,
  ...staffEn,
  ...devicesEn,
  ...auditEn,
  ...salesSetupEn,
  paymentStatus: {
    CREATING: 'Being created',
    PENDING: 'Waiting for customer',
    IDENTIFIED: 'Scanned',
    AUTHORIZED: 'Authorised',
    PENDING_MERCHANT_ACKNOWLEDGEMENT: 'Awaiting merchant acknowledgement',
    SUCCEEDED: 'Paid',
    AUTHORIZATION_FAILED: 'Refused',
    FAILED: 'Failed',
    CANCELLED: 'Cancelled',
    EXPIRED: 'Expired',
    VOIDED: 'Voided',
    CREATE_FAILED: 'Not created',
  },
  qr: { label: 'Bancontact QR code' },
  ...customerEn,
  ...registerEn,
  training: {
    title: 'Customer (training)',
    hint: 'Play the customer: these buttons do what the banking app would do.',
    scan: 'Scan',
    confirm: 'Confirm',
    refuse: 'Refuse',
  },
  settings: {
    title: 'Settings',
    mode: 'Mode',
    modes: { training: 'Training', live: 'Live' },
    trainingExplained: 'Kassa is in training mode: payments are simulated and no money moves.',
    goLiveTitle: 'Go live with Bancontact',
    environment: 'Environment',
    environments: { preprod: 'Preprod (test)', production: 'Production' },
    ppid: 'Payment profile id (PPID)',
    apiKey: 'API key',
    test: 'Test connection',
    works: 'Connection works',
    goLive: 'Use these credentials',
    liveExplained: 'Kassa takes real Bancontact payments.',
    backToTraining: 'Back to training mode',
    needPpid: 'Fill in the payment profile id (letters and digits only).',
    needApiKey: 'Fill in the API key (at least 8 characters).',
    malformedApiKey:
      'This API key holds a character an API key cannot have (a special dash, a space or a line break). Copy it again from the portal.',
    goLiveNeedsKey: 'Fill in the API key to use these credentials.',
    goLiveNeedsTest:
      'Test the connection first: these exact credentials can be used once their test has passed (within 10 minutes).',
    save: 'Save',
    remove: 'Remove',
    saved: 'Saved.',
    paymentUpdatesTitle: 'Payment updates',
    callbacksOn: 'Kassa receives Bancontact’s callbacks at this address:',
    pollingOnly:
      'No public URL: Kassa checks each payment by polling. Payments are still confirmed, a little slower.',
    publicUrl: 'Public URL',
    publicUrlHint: 'The https address of a reverse proxy or tunnel that forwards to this station’s port.',
    publicUrlNeedHttps: 'The public URL must start with https:// — Bancontact only calls secure addresses.',
    publicUrlInvalid: 'Enter a full address, like https://kassa.example.be.',
    publicUrlBaseOnly: 'Enter the base address only, without a user name, ? or #.',
    thisTillTitle: 'This till',
    stickerPosId: 'Sticker POS id',
    stickerHint:
      'With a sticker, the customer scans the printed sticker at the counter instead of a QR on screen.',
    stickerPosIdInvalid: 'The sticker POS id is 1 to 36 letters and digits.',
  },
  amountProblem: {
    empty: 'Type an amount first.',
    not_a_number: 'That is not an amount. Use digits and one comma, like 12,50.',
    too_many_decimals: 'Use at most two decimals (cents).',
    zero: 'The amount must be more than zero.',
    negative: 'The amount cannot be negative.',
    too_large: 'That amount is too large for Bancontact.',
  },
  errors: {
    MALFORMED_REQUEST: 'The station did not understand the request.',
    UNKNOWN_METHOD: 'The station does not know this action. Is it up to date?',
    INVALID_INPUT: 'Some of the data is not valid.',
    FORBIDDEN: 'You are not allowed to do this on this device.',
    NOT_FOUND: 'This sale or payment could not be found.',
    CONFLICT: 'This changed in the meantime. Look again and retry.',
    PAYMENT_OPEN: 'A payment is still open. Finish or cancel it first.',
    NOT_IN_TRAINING: 'This only works in training mode.',
    NOT_CONFIGURED: 'Bancontact is not set up yet. Fill in the credentials in Settings.',
    BANCONTACT_UNAUTHORIZED: 'Bancontact refused the API key',
    BANCONTACT_REJECTED: 'Bancontact rejected the request',
    BANCONTACT_UNAVAILABLE: 'Bancontact is unavailable right now',
    BANCONTACT_TIMEOUT: 'Bancontact did not answer in time',
    NETWORK_DOWN: 'No network connection to Bancontact',
    INTERNAL: 'The station had a problem. Try again.',
    DRAWER_NOT_OPEN: "This till's cash drawer is not open. Open it with a float first.",
    DRAWER_ALREADY_OPEN: "This till's cash drawer is already open.",
    DRAWERS_OPEN: 'A cash drawer is still open. Count and close every drawer before closing the day.',
    TENDERED_TOO_LOW: 'The cash handed over is less than the amount due.',
    NOT_ENOUGH_CASH: 'The drawer does not hold that much cash.',
    DAY_ALREADY_CLOSED: 'This business day is already closed with a Z report.',
    EARLIER_DAY_OPEN: 'An earlier business day with sales is not closed yet. Close it first.',
    DAY_NOT_STARTED: 'This business day has not started yet.',
    INVALID_WRISTBAND_ID:
      'This is not a valid wristband code. Scan it again or check the characters you typed.',
    WRISTBAND_BLOCKED: 'This wristband is blocked (reported lost). It cannot be used.',
    WRISTBAND_CLOSED: 'This wristband is closed: its balance was refunded.',
    INSUFFICIENT_FUNDS: 'Not enough credit on this wristband.',
    NO_REFUNDS_READY: 'No refund is ready yet: fetch the payers’ IBANs first.',
    AMOUNT_MODE_MISMATCH:
      "This top-up profile was set up for other codes. Bancontact support sets a profile's amount mode (open, modifiable or fixed); print codes of that mode, or use a profile set up for this one.",
    DATABASE_UNREACHABLE:
      'The database server cannot be reached: nothing was saved. Try again in a moment; Kassa carries on once it answers.',
    DISK_FULL:
      "The disk holding Kassa's data is full: free space on it, then try again. Nothing was half written.",
    diskFullFolder: 'Data folder: {{folder}}',
    STATION_REFUSED:
      'The station refused to start with these files. An administrator can restore a backup or start a new book.',
    BACKUP_INVALID: 'This file is not a Kassa backup, or it is damaged.',
    CONNECTION_NOT_TESTED:
      'Test the connection with exactly these credentials first: going live needs a passed test from the last 10 minutes.',
    NO_LIVE_PROFILE:
      'This till’s shop has no live Bancontact display profile yet. An administrator sets it up and takes it live in Settings → Shops and sales.',
    MALFORMED_API_KEY:
      'This API key holds a character an API key cannot have (a special dash, a space or a line break). Copy it again from the portal.',
    EVENT_ENDED: 'The event has ended: wristbands can no longer pay. Take cash or Bancontact instead.',
    EVENT_NOT_ENDED: 'End the event first: refund files can only be made after the event.',
    PAYLOAD_TOO_LARGE: 'This is too large for the station to accept.',
    NOT_SIGNED_IN: 'Sign in first.',
    WRONG_SECRET: 'Wrong PIN or password.',
    STAFF_LOCKED:
      'Too many wrong tries: this person is locked for a while. Wait until the time shown, or ask an administrator.',
    STAFF_BLOCKED: 'This person is blocked. An administrator can reactivate them.',
    WEAK_PASSWORD:
      'The password needs at least 10 characters, a capital letter, a digit and a special character.',
    INVALID_PIN: 'A PIN is 4 to 6 digits.',
    PAIRING_CODE_INVALID: 'This link code has expired or was already used. Ask for a new one at the station.',
    DEVICE_REVOKED: 'This device is no longer linked to the station. Link it again from the station.',
    WRONG_TILL: 'This device belongs to another till.',
    ADMINISTRATOR_REQUIRED: 'Create an administrator with a password first.',
    LAST_ADMINISTRATOR: 'This is the last administrator: create another one first.',
    DISCOUNT_NEEDS_MANAGER:
      'A discount this large needs a manager or an administrator. Ask one to sign in at this till.',
    REFUND_BY_IBAN:
      'Bancontact cannot refund this payment itself (the Refund API is not enabled for this merchant, or not possible now). Refund by bank transfer to the payer’s refund IBAN instead.',
    REFUND_SIGNATURE_REFUSED:
      'Bancontact did not accept this station’s refund signature. An administrator must hand the current public key (JWKS, Settings → Refunds) to Bancontact.',
    REFUND_AMOUNT_TOO_HIGH: 'This is more than what is left to refund of this payment.',
    REFUND_REQUEST_CONFLICT: 'This refund was already asked for with another amount. Look at the refunds of this sale.',
    PAYMENT_NOT_REFUNDABLE: 'Bancontact cannot refund this payment: it did not succeed or is not known.',
    // Payment agreements through PPRO.
    PPRO_NOT_SET_UP:
      'Recurring payments are not set up: an administrator enters the PPRO settings in Settings.',
    PPRO_ABOVE_MAXIMUM: 'This amount is above the maximum for recurring Bancontact payments.',
    PPRO_REFUSED: 'PPRO refused the recurring payment. Check the details and try again.',
    PPRO_UNAUTHORIZED: 'PPRO refused the API key: an administrator checks the PPRO settings.',
    PPRO_UNAVAILABLE: 'PPRO cannot be reached right now. Try again in a moment.',
    STATION_UNREACHABLE: 'The station cannot be reached. Check that Kassa is running, then try again.',
    checkFields: 'Check: {{fields}}',
  },
  ...fieldTextsEn,
};

/** Same tree as `en`, every leaf a string: a missing or extra key is a compile error. */
export type Catalogue<T = typeof en> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
