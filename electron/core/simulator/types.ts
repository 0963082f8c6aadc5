import type { BancontactStatus } from '../../../shared/domain/payment-status';

/** The Payment V3 `merchant-payment-status` enum; the simulator never invents statuses of its own. */
export type SimStatus = BancontactStatus;

export interface SimDebtor {
  /** First name only, as Bancontact shares it with the merchant. */
  name: string;
  /** Kept unmasked: the refund-IBAN endpoint returns it in full; every other view masks it. */
  iban: string;
}

/** Who the money goes to, copied from the profile at creation so a later profile change does not rewrite history. */
export interface SimCreditor {
  merchantId: string;
  name: string;
  iban: string;
}

/** A payment as the simulator stores it. Times are simulator-clock epoch milliseconds. */
export interface SimPayment {
  paymentId: string;
  /** PPID of the profile that created it; only that profile's API key can see it. */
  profileId: string;
  status: SimStatus;
  amount: number;
  currency: 'EUR';
  description?: string;
  reference?: string;
  bulkId?: string;
  /** Resolved at creation: the request's URL, else the profile's default. */
  callbackUrl?: string;
  identifyCallbackUrl?: string;
  returnUrl?: string;
  creditor: SimCreditor;
  debtor?: SimDebtor;
  /** Static-QR (`/pos`) payments: the sticker's POS and the shop shown to the payer. */
  posId?: string;
  shopId?: string;
  shopName?: string;
  /** VOID mode: simulator time at which an unacknowledged payment becomes VOIDED. */
  ackDeadlineAt?: number;
  createdAt: number;
  expireAt: number;
  succeededAt?: number;
  updatedAt: number;
}

/** Called after every status change, once the change is stored. */
export type StatusChangeListener = (payment: SimPayment, previous: SimStatus) => void;
