import type { SimPayment, SimStatus } from './types';

/** The `payments` table row; column names are the snake_case of the SimPayment fields. */
export interface PaymentRow {
  payment_id: string;
  profile_id: string;
  status: string;
  amount: number;
  currency: string;
  description: string | null;
  reference: string | null;
  bulk_id: string | null;
  callback_url: string | null;
  identify_callback_url: string | null;
  return_url: string | null;
  creditor_merchant_id: string;
  creditor_name: string;
  creditor_iban: string;
  debtor_name: string | null;
  debtor_iban: string | null;
  created_at: number;
  expire_at: number;
  succeeded_at: number | null;
  updated_at: number;
  pos_id: string | null;
  shop_id: string | null;
  shop_name: string | null;
  ack_deadline_at: number | null;
}

export const PAYMENT_COLUMNS: readonly (keyof PaymentRow)[] = [
  'payment_id',
  'profile_id',
  'status',
  'amount',
  'currency',
  'description',
  'reference',
  'bulk_id',
  'callback_url',
  'identify_callback_url',
  'return_url',
  'creditor_merchant_id',
  'creditor_name',
  'creditor_iban',
  'debtor_name',
  'debtor_iban',
  'created_at',
  'expire_at',
  'succeeded_at',
  'updated_at',
  'pos_id',
  'shop_id',
  'shop_name',
  'ack_deadline_at',
];

export function toRow(p: SimPayment): PaymentRow {
  return {
    payment_id: p.paymentId,
    profile_id: p.profileId,
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    description: p.description ?? null,
    reference: p.reference ?? null,
    bulk_id: p.bulkId ?? null,
    callback_url: p.callbackUrl ?? null,
    identify_callback_url: p.identifyCallbackUrl ?? null,
    return_url: p.returnUrl ?? null,
    creditor_merchant_id: p.creditor.merchantId,
    creditor_name: p.creditor.name,
    creditor_iban: p.creditor.iban,
    debtor_name: p.debtor?.name ?? null,
    debtor_iban: p.debtor?.iban ?? null,
    created_at: p.createdAt,
    expire_at: p.expireAt,
    succeeded_at: p.succeededAt ?? null,
    updated_at: p.updatedAt,
    pos_id: p.posId ?? null,
    shop_id: p.shopId ?? null,
    shop_name: p.shopName ?? null,
    ack_deadline_at: p.ackDeadlineAt ?? null,
  };
}

type Optional<K extends keyof SimPayment> = { [P in K]?: SimPayment[P] };

/** Only the columns that hold a value become members, so views can spread records safely. */
function optionalFields(
  r: PaymentRow,
): Optional<'description' | 'reference' | 'bulkId' | 'callbackUrl' | 'identifyCallbackUrl' | 'returnUrl'> &
  Optional<'succeededAt' | 'posId' | 'shopId' | 'shopName' | 'ackDeadlineAt'> {
  const pairs: Array<[keyof SimPayment, string | number | null]> = [
    ['description', r.description],
    ['reference', r.reference],
    ['bulkId', r.bulk_id],
    ['callbackUrl', r.callback_url],
    ['identifyCallbackUrl', r.identify_callback_url],
    ['returnUrl', r.return_url],
    ['succeededAt', r.succeeded_at],
    ['posId', r.pos_id],
    ['shopId', r.shop_id],
    ['shopName', r.shop_name],
    ['ackDeadlineAt', r.ack_deadline_at],
  ];
  return Object.fromEntries(pairs.filter(([, value]) => value !== null));
}

export function fromRow(r: PaymentRow): SimPayment {
  const payment: SimPayment = {
    paymentId: r.payment_id,
    profileId: r.profile_id,
    status: r.status as SimStatus,
    amount: r.amount,
    currency: 'EUR',
    creditor: { merchantId: r.creditor_merchant_id, name: r.creditor_name, iban: r.creditor_iban },
    createdAt: r.created_at,
    expireAt: r.expire_at,
    updatedAt: r.updated_at,
    ...optionalFields(r),
  };
  if (r.debtor_name !== null && r.debtor_iban !== null)
    payment.debtor = { name: r.debtor_name, iban: r.debtor_iban };
  return payment;
}
