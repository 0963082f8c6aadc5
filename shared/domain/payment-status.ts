/** Bancontact Payment V3 statuses, plus the two local ones a payment has before Bancontact knows it. */
export const BANCONTACT_STATUSES = [
  'PENDING',
  'IDENTIFIED',
  'AUTHORIZED',
  'PENDING_MERCHANT_ACKNOWLEDGEMENT',
  'SUCCEEDED',
  'AUTHORIZATION_FAILED',
  'FAILED',
  'CANCELLED',
  'EXPIRED',
  'VOIDED',
] as const;
export type BancontactStatus = (typeof BANCONTACT_STATUSES)[number];

/** CREATING: persisted, API call in flight. CREATE_FAILED: Bancontact never accepted it. */
export type LocalPaymentStatus = 'CREATING' | 'CREATE_FAILED';
export type PaymentStatus = BancontactStatus | LocalPaymentStatus;

const FINAL: ReadonlySet<PaymentStatus> = new Set<PaymentStatus>([
  'SUCCEEDED',
  'AUTHORIZATION_FAILED',
  'FAILED',
  'CANCELLED',
  'EXPIRED',
  'VOIDED',
  'CREATE_FAILED',
]);

export function isFinalStatus(status: PaymentStatus): boolean {
  return FINAL.has(status);
}

/** Order in which a payment moves; a status may only be replaced by one of higher rank. */
const RANK: Record<PaymentStatus, number> = {
  CREATING: 0,
  PENDING: 1,
  IDENTIFIED: 2,
  AUTHORIZED: 3,
  PENDING_MERCHANT_ACKNOWLEDGEMENT: 4,
  SUCCEEDED: 5,
  AUTHORIZATION_FAILED: 5,
  FAILED: 5,
  CANCELLED: 5,
  EXPIRED: 5,
  VOIDED: 5,
  CREATE_FAILED: 5,
};

/** True when moving from `current` to `next` is a step forward that must be recorded. */
export function isForwardTransition(current: PaymentStatus, next: PaymentStatus): boolean {
  if (isFinalStatus(current)) return false;
  return RANK[next] > RANK[current];
}

/** What the till shows for a payment status. */
export type TillPhase =
  'creating' | 'waiting' | 'scanned' | 'paid' | 'refused' | 'expired' | 'cancelled' | 'failed';

export function tillPhase(status: PaymentStatus): TillPhase {
  switch (status) {
    case 'CREATING':
      return 'creating';
    case 'PENDING':
      return 'waiting';
    case 'IDENTIFIED':
    case 'AUTHORIZED':
    case 'PENDING_MERCHANT_ACKNOWLEDGEMENT':
      return 'scanned';
    case 'SUCCEEDED':
      return 'paid';
    case 'AUTHORIZATION_FAILED':
      return 'refused';
    case 'EXPIRED':
      return 'expired';
    case 'CANCELLED':
    case 'VOIDED':
      return 'cancelled';
    case 'FAILED':
    case 'CREATE_FAILED':
      return 'failed';
  }
}
