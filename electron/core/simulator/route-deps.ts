import type { Context } from 'hono';
import type { CallbackDispatcher } from './callbacks/dispatcher';
import { paymentNotFound } from './errors';
import type { SimClock } from './clock';
import type { FaultEngine } from './faults/fault-engine';
import type { HangRegistry } from './faults/request-faults';
import type { MerchantVerifier } from './jws/merchant-signature';
import type { SigningKeys } from './jws/signing-keys';
import type { PaymentService } from './payments';
import type { ProfileRegistry } from './profiles';
import type { RefundAccess } from './refund-access';
import type { RefundService } from './refunds';
import type { ScanRequest } from './scan';
import type { SettingsHolder } from './settings';
import type { SimPayment } from './types';
import type { CreatePaymentInput, PosPaymentInput } from './validation';
import type { LinkContext } from './views';

/** What route modules need; each module takes this and returns a Hono sub-app. */
export interface RouteDeps {
  payments: PaymentService;
  profiles: ProfileRegistry;
  clock: SimClock;
  payloadHost: string;
  settings: SettingsHolder;
  faults: FaultEngine;
  hangs: HangRegistry;
  keys: SigningKeys;
  callbacks: CallbackDispatcher;
  refunds: RefundService;
  refundAccess: RefundAccess;
  verifyMerchant: MerchantVerifier;
  parseCreatePayment(body: unknown): CreatePaymentInput;
  parsePosPayment(body: unknown): PosPaymentInput;
  /** The payer confirms; resolves once the profile's settlement (void mode, sync callback) is decided. */
  confirm(paymentId: string): Promise<SimPayment>;
  scan(request: ScanRequest): SimPayment;
  /** Applies passed deadlines and sends what is due; returns the payments that changed. */
  tick(): SimPayment[];
}

/**
 * Links point at the origin the caller used, so they work whatever port the simulator was given and
 * whether it was reached as 127.0.0.1 or localhost.
 */
export function linkContext(c: Context, payloadHost: string): LinkContext {
  return { apiBaseUrl: new URL(c.req.url).origin, payloadHost };
}

const PAYMENT_ID_LENGTH = 24;

/** The spec declares the id as exactly 24 characters; anything else cannot name a payment. */
export function paymentIdParam(id: string): string {
  if (id.length !== PAYMENT_ID_LENGTH) throw paymentNotFound();
  return id;
}
