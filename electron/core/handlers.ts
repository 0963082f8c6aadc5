import { ContractFailure, type EventStateView, type SaleView } from '../../shared/contract';
import type { Handlers } from './api/dispatcher';
import type { BackupHandlers } from './backup/station-backups';
import type { StationBookHandlers } from './books/station-book';
import type { ModeRuntime } from './mode-runtime';
import { listRejectedCallbacks } from './payments/rejected-callbacks';
import { createReportHandlers } from './reports/report-handlers';
import type { SettingsService } from './settings/settings-service';
import type { TopupProfileSettings } from './settings/topup-profile-settings';
import { createBatchHandlers } from './topup/batch-handlers';
import { createEventHandlers } from './topup/event-handlers';
import type { PrintJobs } from './topup/print-jobs';
import { createWristbandHandlers } from './topup/wristband-handlers';
import type { TrainingService } from './training/training-service';

export interface HandlerDeps {
  current: () => ModeRuntime;
  settings: SettingsService;
  currentSale: (tillId: string) => SaleView | null;
  /** `station.getStatus` and `station.startNewBook`: the start, its refusal and the new book. */
  book: StationBookHandlers;
  topupProfiles: TopupProfileSettings;
  printing: PrintJobs;
  /** The event was ended, reopened, or made final by a refund file. */
  onEventChanged: (state: EventStateView) => void;
  backups: BackupHandlers;
  /** `backups.restore` and `restore.getLast` (restore/station-restore.ts). */
  restore: Pick<Handlers, 'backups.restore' | 'restore.getLast'>;
}

/** Maps every contract method to the station service that answers it. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { current, settings, currentSale, topupProfiles, printing } = deps;
  const training = (): TrainingService => trainingOf(current());
  return {
    // The status (with a refused start's reason) and the new-book remedy (books/station-book.ts).
    ...deps.book,
    'till.startPayment': (input) => current().till.startPayment(input),
    'till.retryPayment': ({ saleId }) => current().till.retryPayment(saleId),
    'till.cancelPayment': ({ saleId }) => current().till.cancelPayment(saleId),
    'till.getSale': ({ saleId }) => saleOf(current(), saleId),
    'till.getCurrentSale': ({ tillId }) => currentSale(tillId),
    'till.listSales': ({ limit }) => current().repo.listSales(limit),
    'payments.getTimeline': ({ paymentId }) => current().repo.timeline(paymentId),
    'payments.listRejectedCallbacks': ({ limit }) => listRejectedCallbacks(current().db, limit),
    'training.scan': ({ saleId }) => training().scan(saleId),
    'training.confirm': ({ saleId }) => training().confirm(saleId),
    'training.refuse': ({ saleId }) => training().refuse(saleId),
    'training.topUp': ({ wristbandId, amountCents }) => training().topUp(wristbandId, amountCents),
    'settings.get': () => settings.view(),
    'settings.setLocale': ({ locale }) => settings.setLocale(locale),
    'settings.testConnection': (input) => settings.testConnection(input),
    'settings.goLive': (input) => settings.goLive(input),
    'settings.useTraining': () => settings.useTraining(),
    'settings.setPublicUrl': ({ publicUrl }) => settings.setPublicUrl(publicUrl),
    'settings.setStickerPosId': ({ stickerPosId }) => settings.setStickerPosId(stickerPosId),
    ...createWristbandHandlers({ current, topupProfiles, onEventChanged: deps.onEventChanged }),
    ...createEventHandlers({ current, onEventChanged: deps.onEventChanged }),
    ...createBatchHandlers({ current, printing, locale: () => settings.view().locale }),
    ...createReportHandlers({ current, settings }),
    ...{ ...deps.backups, ...deps.restore },
  };
}

function trainingOf(runtime: ModeRuntime): TrainingService {
  if (!runtime.training)
    throw new ContractFailure('NOT_IN_TRAINING', 'The customer panel only works in training mode');
  return runtime.training;
}

function saleOf(runtime: ModeRuntime, saleId: string): SaleView {
  const found = runtime.repo.saleView(saleId);
  if (!found) throw new ContractFailure('NOT_FOUND', `No sale ${saleId}`);
  return found;
}
