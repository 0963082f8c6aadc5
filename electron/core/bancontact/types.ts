import type { BancontactStatus } from '../../../shared/domain/payment-status';

export interface CreatePaymentRequest {
  amount: number;
  currency: 'EUR';
  reference?: string;
  description?: string;
  callbackUrl?: string;
}

interface Link {
  href: string;
}

/** `POST /v3/payments` answer. Note `expiresAt` here versus `expireAt` on GET. */
export interface CreatePaymentResponse {
  paymentId: string;
  status: BancontactStatus;
  createdAt: string;
  expiresAt: string;
  amount: number;
  currency: string;
  reference?: string;
  description?: string;
  _links: { self: Link; deeplink: Link; qrcode: Link; cancel?: Link };
}

export interface GetPaymentResponse {
  paymentId: string;
  status: BancontactStatus;
  createdAt: string;
  expireAt?: string;
  succeededAt?: string;
  amount: number;
  currency: string;
  reference?: string;
  description?: string;
  debtor?: { name?: string; iban?: string };
}

/** `POST /v3/payments/pos`: a payment for the sticker with this POS id. */
export interface CreatePosPaymentRequest extends CreatePaymentRequest {
  posId: string;
  shopName?: string;
}

export interface SearchPaymentsRequest {
  from?: string;
  to?: string;
  paymentStatuses?: BancontactStatus[];
  reference?: string;
  page?: number;
  size?: number;
}

export interface SearchPaymentsResponse {
  size: number;
  totalPages: number;
  totalElements: number;
  number: number;
  details: GetPaymentResponse[];
}

export interface AcknowledgeRequest {
  amount: number;
  currency: 'EUR';
  reference?: string;
}
