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
