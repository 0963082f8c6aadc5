import { ContractFailure, type MethodName } from '../../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import type { TrainingService } from './training-service';

/** The agreement's consumer is played by agreements/agreement-handlers.ts. */
type TrainingMethodName = Exclude<
  Extract<MethodName, `training.${string}`>,
  'training.authoriseAgreement' | 'training.refuseAgreement'
>;

export interface TrainingHandlerDeps {
  /** The current mode's customer panel: null outside training mode. */
  training: () => TrainingService | null;
}

/** The till's *Customer (training)* panel: it plays the payer against the simulator. */
export function createTrainingHandlers(deps: TrainingHandlerDeps): Pick<Handlers, TrainingMethodName> {
  const training = (): TrainingService => {
    const found = deps.training();
    if (!found)
      throw new ContractFailure('NOT_IN_TRAINING', 'The customer panel only works in training mode');
    return found;
  };
  return {
    'training.scan': ({ saleId }) => training().scan(saleId),
    'training.confirm': ({ saleId }) => training().confirm(saleId),
    'training.refuse': ({ saleId }) => training().refuse(saleId),
    'training.topUp': ({ wristbandId, amountCents }) => training().topUp(wristbandId, amountCents),
  };
}
