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
  TRAINING_STICKER_PROFILE,
  TRAINING_TOPUP_PROFILE,
} from './profiles';
export type { ProfileRegistry, SimProfile, SimProfileType } from './profiles';
export type { SimClock } from './clock';
export type { SimStore } from './store';
export type { PaymentService } from './payments';
export { DEFAULT_DEBTOR } from './payments';
export type { SimDebtor, SimPayment, SimStatus, StatusChangeListener } from './types';
export type { CreatePaymentView, GetPaymentView } from './views';
export { SimError, type SimErrorBody } from './errors';
