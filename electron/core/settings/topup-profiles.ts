import type { TopupAmountMode } from '../../../shared/domain/topup';
import {
  TRAINING_TOPUP_FIXED_PROFILE,
  TRAINING_TOPUP_MODIFIABLE_PROFILE,
  TRAINING_TOPUP_PROFILE,
} from '../simulator';

/**
 * A top-up payment profile as the station holds it. The API key stays in the station: it is used for
 * the search sweep and refundIban, and never leaves through the contract.
 */
export interface TopupProfile {
  ppid: string;
  name: string;
  amountMode: TopupAmountMode;
  apiKey: string;
  /** The Bancontact (or simulator) base URL its calls go to. */
  baseUrl: string;
}

/** Training mode has one top-up profile per amount mode out of the box, on the training simulator. */
export function trainingTopupProfiles(simulatorUrl: string): TopupProfile[] {
  return [TRAINING_TOPUP_PROFILE, TRAINING_TOPUP_MODIFIABLE_PROFILE, TRAINING_TOPUP_FIXED_PROFILE].map(
    (p) => ({
      ppid: p.ppid,
      name: `Training top-up (${p.topupAmountMode ?? 'open'})`,
      amountMode: p.topupAmountMode ?? 'open',
      apiKey: p.apiKey,
      baseUrl: simulatorUrl,
    }),
  );
}
