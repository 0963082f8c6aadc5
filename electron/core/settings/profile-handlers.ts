import type { MethodName } from '../../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import type { PaymentProfileService } from './payment-profile-service';

type ProfileMethodName = Extract<MethodName, `profiles.${string}`>;

/** Each shop's payment profiles (payment-profile-service.ts). */
export function createProfileHandlers(profiles: PaymentProfileService): Pick<Handlers, ProfileMethodName> {
  return {
    'profiles.list': () => profiles.list(),
    'profiles.add': ({ payoutIban, ...input }) => profiles.add({ ...input, iban: payoutIban }),
    'profiles.update': ({ payoutIban, ...input }) => profiles.update({ ...input, iban: payoutIban }),
    'profiles.setApiKey': ({ profileId, apiKey }) => profiles.setApiKey(profileId, apiKey),
    'profiles.remove': ({ profileId }) => profiles.remove(profileId),
    'profiles.testConnection': (input) => profiles.testConnection(input),
    'profiles.goLive': ({ profileId, environment }) => profiles.goLive(profileId, environment),
    'profiles.verifyIban': ({ profileId, payoutIban }) => profiles.verifyIban(profileId, payoutIban),
  };
}
