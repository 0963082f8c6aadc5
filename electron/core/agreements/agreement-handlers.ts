import { ContractFailure, type MethodName } from '../../../shared/contract';
import type { Caller, Handlers } from '../api/dispatcher';
import { actorOf } from '../ledger/actor';
import type { PproSettings } from './ppro-settings';
import type { TillAgreements } from './till-agreements';

type AgreementMethodName = Extract<
  MethodName,
  | 'agreements.startAtTill'
  | 'agreements.getForTill'
  | 'agreements.cancelAtTill'
  | 'training.authoriseAgreement'
  | 'training.refuseAgreement'
  | 'ppro.getSettings'
  | 'ppro.saveSettings'
  | 'ppro.testConnection'
>;

/** Selling an agreement at the till, and (training) the consumer who authorises or refuses it. */
export function createAgreementHandlers(deps: {
  agreements: () => TillAgreements;
  settings: PproSettings;
}): Pick<Handlers, AgreementMethodName> {
  const { agreements, settings } = deps;
  return {
    'ppro.getSettings': () => settings.view(),
    'ppro.saveSettings': (input) => settings.save(input),
    'ppro.testConnection': (input) => settings.test(input),
    'agreements.startAtTill': ({ termsAccepted, ...input }, caller) => (
      void termsAccepted,
      agreements().startAtTill(ownTill(input, caller), actorOf(caller))
    ),
    'agreements.getForTill': ({ tillId, agreementId }, caller) =>
      agreements().getForTill(ownTill({ tillId }, caller).tillId, agreementId),
    'agreements.cancelAtTill': async ({ agreementId }, caller) =>
      agreements().cancelAtTill(await ownAgreement(agreements(), agreementId, caller)),
    'training.authoriseAgreement': async ({ agreementId }, caller) =>
      agreements().decideInTraining(await ownAgreement(agreements(), agreementId, caller), true),
    'training.refuseAgreement': async ({ agreementId }, caller) =>
      agreements().decideInTraining(await ownAgreement(agreements(), agreementId, caller), false),
  };
}

/** A device bound to a till sells and looks at its own till only. */
function ownTill<T extends { tillId: string }>(input: T, caller: Caller): T {
  const bound = caller.device?.tillId;
  if (bound && input.tillId !== bound)
    throw new ContractFailure('WRONG_TILL', `This device belongs to ${bound}, not to ${input.tillId}`);
  return input;
}

async function ownAgreement(
  agreements: TillAgreements,
  agreementId: string,
  caller: Caller,
): Promise<string> {
  const bound = caller.device?.tillId;
  if (!bound) return agreementId;
  const found = await agreements.getForTill(bound, agreementId);
  if (!found) throw new ContractFailure('WRONG_TILL', `Agreement ${agreementId} is not of till ${bound}`);
  return agreementId;
}
