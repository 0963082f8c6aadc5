/** What PPRO's payment-agreements API answers, as seed 004 shows it (see docs/ppro-simulator.md). */
export interface Money {
  value: number;
  currency: string;
}

export type AgreementStatus = 'AUTHENTICATION_PENDING' | 'ACTIVE' | 'FAILED' | 'REVOKED';
export type ChargeStatus = 'AUTHENTICATION_PENDING' | 'CAPTURED' | 'FAILED' | 'REFUNDED';
export type RefundStatus = 'REFUND_PENDING' | 'SUCCEEDED';

export interface HistoryEntry {
  id: string;
  status: string;
  createdAt: string;
  /** Who moved it (MERCHANT, CONSUMER): set on revocations only. */
  revokedBy?: string;
}

export interface AuthenticationMethod {
  type: 'APP_INTENT' | 'SCAN_CODE' | 'REDIRECT';
  details: Record<string, string>;
}

export interface Agreement {
  id: string;
  status: AgreementStatus;
  description?: string;
  merchantPaymentAgreementReference?: string;
  paymentMethod: 'BANCONTACT';
  startDate?: string;
  amount?: Money;
  amountType?: string;
  instrumentId: string;
  consumer: Record<string, unknown> & { name: string; country: string };
  webhooksUrl?: string;
  authenticationMethods: AuthenticationMethod[];
  history: HistoryEntry[];
  initialPaymentChargeId: string;
  createdAt: string;
  updatedAt: string;
}

export interface Refund {
  id: string;
  amount: number;
  status: RefundStatus;
  /** Simulator epoch ms at which a pending refund succeeds. */
  settlesAt: number;
  createdAt: string;
  updatedAt: string;
}

export interface Charge {
  id: string;
  agreementId: string;
  paymentMethod: 'BANCONTACT';
  paymentMedium: 'ECOMMERCE';
  scheduleType: 'UNSCHEDULED';
  instrumentId: string;
  currency: string;
  country: string;
  amount: number;
  paymentDescriptor: string;
  merchantPaymentChargeReference?: string;
  status: ChargeStatus;
  consumer: Agreement['consumer'];
  authorizations: { id: string; amount: number; status: string; createdAt: string; updatedAt: string }[];
  captures: { id: string; amount: number; status: string; createdAt: string }[];
  refunds: Refund[];
  voids: never[];
  /** Simulator epoch ms, for the split-payment window. */
  createdAtMs: number;
  createdAt: string;
  updatedAt: string;
}

/** A webhook waiting, delivered or given up, kept so tests and trainers can see every attempt. */
export interface Webhook {
  id: string;
  url: string;
  type: string;
  body: string;
  attempts: { at: string; outcome: string }[];
  state: 'PENDING' | 'DELIVERED' | 'FAILED';
  /** Real epoch ms of the next attempt while PENDING. */
  nextAttemptAt: number;
}
