import type { Environment } from './views';
import type { ProfileKind } from '../domain/payment-profiles';
import type { TopupAmountMode } from '../domain/topup';

/**
 * A shop's payment profile as the screens see it. The API key never leaves the station: only whether
 * one is stored. `trainingPpid` is the simulator profile training mode uses in its place.
 */
export interface PaymentProfileView {
  id: string;
  shopId: string;
  kind: ProfileKind;
  name: string;
  ppid: string;
  /** The payout IBAN, upper case without spaces; empty when none was entered. */
  iban: string;
  /** A new or changed IBAN is to be verified until a manager marks it verified. */
  ibanStatus: 'none' | 'toVerify' | 'verified';
  hasApiKey: boolean;
  /** Went live after a passed connection test (the environment it went live on). */
  live: boolean;
  environment: Environment | null;
  trainingPpid: string | null;
  /** A top-up profile's codes, as Bancontact support set the profile up; null for the other kinds. */
  amountMode: TopupAmountMode | null;
}
