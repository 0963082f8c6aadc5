/**
 * The Bancontact Payment V3 backend simulator: Kassa's training mode and the test backend.
 * See docs/simulator.md for the control API, the default profiles and the decisions taken where the
 * spec is silent.
 */
export { createSimulator, DEFAULT_PAYLOAD_HOST, type Simulator, type SimulatorOptions } from './simulator';
export {
  DEFAULT_SIMULATOR_PORT,
  startSimulatorServer,
  type SimulatorServer,
  type SimulatorServerOptions,
} from './server';
export {
  DEFAULT_PROFILES,
  TRAINING_DISPLAY_PROFILE,
  TRAINING_MERCHANT_SIGNING_KEY,
  TRAINING_STICKER_PROFILE,
  TRAINING_SHOP_DISPLAY_PROFILES,
  TRAINING_TOPUP_FIXED_PROFILE,
  TRAINING_TOPUP_MODIFIABLE_PROFILE,
  TRAINING_TOPUP_PROFILE,
} from './profiles';
export type { MerchantJwks, ProfileRegistry, SimProfile, SimProfileType, TopupAmountMode } from './profiles';
export { readProfilesFile, validateProfiles } from './profile-schema';
export { DEFAULT_SETTINGS, type SimSettings } from './settings';
export type { FaultSettings } from './faults/fault-config';
export type { SimClock } from './clock';
export type { SimStore } from './store';
export type { PaymentService } from './payments';
export { DEFAULT_DEBTOR } from './payments';
export type { SimDebtor, SimPayment, SimStatus, StatusChangeListener } from './types';
export type { CreatePaymentView, GetPaymentView, RefundView, SearchView } from './views';
export type { Delivery, DeliveryState } from './callbacks/delivery-store';
export { SimError, type SimErrorBody } from './errors';
