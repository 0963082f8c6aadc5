import { ContractFailure, type PrintJobView, type TopupProfileChoice } from '../../../shared/contract';
import type { Locale } from '../../../shared/domain/money';
import type { Handlers } from '../api/dispatcher';
import { actorOf } from '../ledger/actor';
import type { BatchService } from './batch-service';
import { exportCode } from './code-export';
import type { PrintJobs } from './print-jobs';
import { profileChoices } from './profile-choice';

export interface BatchHandlerDeps {
  /** The current mode's batches, over its top-up profiles as they are now. */
  batches: () => BatchService;
  profiles: () => readonly TopupProfileChoice[];
  printing: PrintJobs;
  /** The station's language, for codes printed without one. */
  locale: () => Locale;
  /** The merchant's logo as a data URL, for batches printed without their own (settings/logo-store.ts). */
  merchantLogo?: () => Promise<string | null>;
}

type BatchMethods =
  | 'topup.listProfiles'
  | 'topup.createBatch'
  | 'topup.reissueBatch'
  | 'topup.listBatches'
  | 'topup.exportCode'
  | 'jobs.get'
  | 'jobs.cancel';

/** The printing half of festival top-up: batches, their print jobs and single codes. */
export function createBatchHandlers({
  batches: service,
  profiles,
  printing,
  locale,
  merchantLogo = async () => null,
}: BatchHandlerDeps): Pick<Handlers, BatchMethods> {
  const job = (view: PrintJobView | null, jobId: string): PrintJobView => {
    if (!view) throw new ContractFailure('NOT_FOUND', `No print job ${jobId}`);
    return view;
  };
  return {
    'topup.listProfiles': () => profileChoices(profiles()),
    'topup.createBatch': async (input, caller) => {
      const batches = service();
      const row = await batches.create(input, actorOf(caller));
      const chosen = input.locale ?? locale();
      const print = await batches.print(row, input.layout, input.grid, chosen, await merchantLogo());
      return { batch: await batches.view(row), job: printing.start(row.id, print) };
    },
    'topup.reissueBatch': async ({ batchId, layout, grid, locale: chosen }, caller) => {
      const batches = service();
      const row = await batches.reissue(batchId, { layout, grid }, actorOf(caller));
      const print = await batches.print(row, layout, grid, chosen ?? locale(), await merchantLogo());
      return { batch: await batches.view(row), job: printing.start(row.id, print) };
    },
    'topup.listBatches': () => service().list(),
    'topup.exportCode': async ({ wristbandId, format, size }) => {
      const { id, payload } = await service().payloadOf(wristbandId);
      return exportCode(id, payload, format, size);
    },
    'jobs.get': ({ jobId }) => job(printing.get(jobId), jobId),
    'jobs.cancel': ({ jobId }) => job(printing.cancel(jobId), jobId),
  };
}
