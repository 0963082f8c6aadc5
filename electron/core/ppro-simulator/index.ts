/**
 * The PPRO payment-agreements simulator (Bancontact WIP, seed 004): recurring charges for Kassa's
 * training mode and tests. See docs/ppro-simulator.md.
 */
export { createPproSimulator, DEFAULT_PPRO_SETTINGS, TRAINING_PPRO_MERCHANT } from './simulator';
export type { PproSimulator, PproSimulatorOptions } from './simulator';
export { DEFAULT_PPRO_SIMULATOR_PORT, startPproSimulatorServer } from './server';
export type { PproSimulatorServer, PproSimulatorServerOptions } from './server';
export { IDEMPOTENCY_HEADER, type MerchantCredentials } from './merchant-routes';
export type { PproErrorBody, FieldError } from './errors';
export type { FaultSettings } from './gate';
export type { Agreement, AgreementStatus, Charge, ChargeStatus, Refund, Webhook } from './types';
