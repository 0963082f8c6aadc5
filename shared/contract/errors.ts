/** The closed set of error codes any contract call can answer with. */
export const ERROR_CODES = [
  'MALFORMED_REQUEST',
  'UNKNOWN_METHOD',
  'INVALID_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYMENT_OPEN',
  'NOT_IN_TRAINING',
  'NOT_CONFIGURED',
  'BANCONTACT_UNAUTHORIZED',
  'BANCONTACT_REJECTED',
  'BANCONTACT_UNAVAILABLE',
  'BANCONTACT_TIMEOUT',
  'NETWORK_DOWN',
  'INTERNAL',
  // Cash and closing: the drawer, the cash tender and the business day a Z report closes.
  'DRAWER_NOT_OPEN',
  'DRAWER_ALREADY_OPEN',
  'DRAWERS_OPEN',
  'TENDERED_TOO_LOW',
  'NOT_ENOUGH_CASH',
  'DAY_ALREADY_CLOSED',
  'EARLIER_DAY_OPEN',
  'DAY_NOT_STARTED',
  // The wristband ledger: bar payments, blocking, moving balances, refunds.
  'INVALID_WRISTBAND_ID',
  'WRISTBAND_BLOCKED',
  'WRISTBAND_CLOSED',
  'INSUFFICIENT_FUNDS',
  'NO_REFUNDS_READY',
  // Printing wristband codes: a batch whose amount mode its top-up profile was not set up for.
  'AMOUNT_MODE_MISMATCH',
  // Never lose the books: a full disk, a refused start, backups, credentials, the end of the event, limits.
  'DISK_FULL',
  // The books' PostgreSQL server cannot be reached: nothing was saved, the call works again once it answers.
  'DATABASE_UNREACHABLE',
  'STATION_REFUSED',
  'BACKUP_INVALID',
  'CONNECTION_NOT_TESTED',
  'MALFORMED_API_KEY',
  // A till of a shop whose display profiles are none of them live: no sale can be begun there.
  'NO_LIVE_PROFILE',
  'EVENT_ENDED',
  'EVENT_NOT_ENDED',
  'PAYLOAD_TOO_LARGE',
  // Staff, roles and linked devices: signing in, locks, pairing, and calls a session may not make.
  'NOT_SIGNED_IN',
  'WRONG_SECRET',
  'STAFF_LOCKED',
  'STAFF_BLOCKED',
  'WEAK_PASSWORD',
  'INVALID_PIN',
  'PAIRING_CODE_INVALID',
  'DEVICE_REVOKED',
  'WRONG_TILL',
  'ADMINISTRATOR_REQUIRED',
  'LAST_ADMINISTRATOR',
  // The register: discounts on one sale above the sales setup's limit need a manager or an administrator.
  'DISCOUNT_NEEDS_MANAGER',
  // Refunds through Bancontact's Refund API (bancontact/refund-errors.ts says which answer means which).
  'REFUND_BY_IBAN',
  'REFUND_SIGNATURE_REFUSED',
  'REFUND_AMOUNT_TOO_HIGH',
  'REFUND_REQUEST_CONFLICT',
  'PAYMENT_NOT_REFUNDABLE',
  // Payment agreements through PPRO (agreements/): none set up, the merchant's maximum, PPRO's refusals.
  'PPRO_NOT_SET_UP',
  'PPRO_ABOVE_MAXIMUM',
  'PPRO_REFUSED',
  'PPRO_UNAUTHORIZED',
  'PPRO_UNAVAILABLE',
  /** Never sent by the station: a client's word for "no answer from the station at all". */
  'STATION_UNREACHABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ContractError {
  code: ErrorCode;
  /** English, for logs and developers; the UI translates `code` instead. */
  message: string;
  /** Which input fields were wrong, for INVALID_INPUT. */
  fields?: string[];
  /** Bancontact's own error code and trace id, when the API answered with an error. */
  apiCode?: string;
  traceId?: string;
  /** For DISK_FULL: the data folder whose disk is full, so the cashier knows where to free space. */
  folder?: string;
  /** For PPRO_ABOVE_MAXIMUM: the merchant's WIP maximum in cents, when known, for the till to name. */
  maxCents?: number;
  /** For WRONG_SECRET: the tries left before the person is locked. */
  attemptsLeft?: number;
  /** For STAFF_LOCKED: until when (ms since the epoch), so the screen can show the lock counting down. */
  lockedUntil?: number;
  /** For INVALID_INPUT on a file (a catalogue CSV) or CONFLICT on a field: each problem, for the screen to translate. */
  details?: FieldProblem[];
}

/** One thing wrong with an imported file or a saved field: where, and a code the screen translates. */
export interface FieldProblem {
  /** The file's line (1 is the header); absent for a form's field. */
  line?: number;
  /** The column or field as the file or form names it; '' for the line as a whole. */
  column: string;
  /** A closed code of the method's own (e.g. `ArticleCsvProblem`). */
  problem: string;
  /** What the problem is about: the other article that already has this barcode. */
  other?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export class ContractFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ContractError, 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'ContractFailure';
  }

  toError(): ContractError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}
