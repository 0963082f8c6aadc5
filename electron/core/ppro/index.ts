/** Kassa's client of PPRO's payment-agreements API (Bancontact WIP, seed 004). See docs/ppro-simulator.md. */
export { createPproClient, PPRO_IDEMPOTENCY_HEADER } from './ppro-client';
export type { PproClient, PproClientOptions } from './ppro-client';
export { PproClientError, type PproFailureKind, type PproFieldError } from './errors';
export type {
  CreateAgreementRequest,
  CreateChargeRequest,
  PproAgreement,
  PproAgreementStatus,
  PproCharge,
  PproChargeStatus,
  PproMoney,
  PproRefund,
} from './schemas';
