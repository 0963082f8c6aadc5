import { ContractFailure, type TopupProfileChoice } from '../../../shared/contract';
import type { TopupAmountMode } from '../../../shared/domain/topup';

export function profileChoices(profiles: readonly TopupProfileChoice[]): TopupProfileChoice[] {
  return profiles.map(({ ppid, name, amountMode }) => ({ ppid, name, amountMode }));
}

/**
 * The profile a batch prints for. Bancontact support fixes a profile's amount mode when it creates
 * the product; codes of another mode would be refused or misread by the payer's app, so they are refused here.
 */
export function chooseProfile(
  profiles: readonly TopupProfileChoice[],
  profileId: string | undefined,
  mode: TopupAmountMode,
): TopupProfileChoice {
  if (profiles.length === 0)
    throw new ContractFailure('NOT_CONFIGURED', 'No top-up profile is set up in this mode');
  if (profileId !== undefined) {
    const profile = profiles.find((p) => p.ppid.toLowerCase() === profileId.toLowerCase());
    if (!profile) throw new ContractFailure('NOT_FOUND', `No top-up profile ${profileId} in this mode`);
    if (profile.amountMode !== mode) throw mismatch(profile, mode);
    return profile;
  }
  const matching = profiles.filter((p) => p.amountMode === mode);
  const [only] = matching;
  if (only && matching.length === 1) return only;
  if (matching.length > 1) {
    throw new ContractFailure('INVALID_INPUT', `Several top-up profiles take ${mode} codes: choose one`, {
      fields: ['profileId'],
    });
  }
  const modes = [...new Set(profiles.map((p) => p.amountMode))].join(', ');
  throw new ContractFailure(
    'AMOUNT_MODE_MISMATCH',
    `No top-up profile takes ${mode} codes: Bancontact support set this mode's profiles up for ${modes} codes`,
  );
}

function mismatch(profile: TopupProfileChoice, mode: TopupAmountMode): ContractFailure {
  return new ContractFailure(
    'AMOUNT_MODE_MISMATCH',
    `Top-up profile ${profile.ppid} (${profile.name}) was set up by Bancontact support for ${profile.amountMode} codes; it cannot print ${mode} codes`,
  );
}
