import type { EventStateView } from '../../shared/contract';
import { createAgreementHandlers } from './agreements/agreement-handlers';
import { createAgreementViewHandlers } from './agreements/agreement-views';
import { createChargeHandlers } from './agreements/charge-handlers';
import { combine } from './api/combine';
import { createArticleHandlers } from './articles/article-handlers';
import type { ArticleService } from './articles/article-service';
import type { Handlers } from './api/dispatcher';
import type { BackupHandlers } from './backup/station-backups';
import type { StationBookHandlers } from './books/station-book';
import type { InboxHandlers } from './inbox/station-inbox';
import type { MailHandlers } from './mail/mail-service';
import type { PproSettings } from './agreements/ppro-settings';
import type { ModeRuntime } from './mode-runtime';
import { createPaymentHandlers } from './payments/payment-handlers';
import type { ReceiptHandlers } from './receipts/receipt-handlers';
import type { RefundKeyHandlers } from './refunds/refund-key-handlers';
import type { ReturnsHandlers } from './refunds/returns-handlers';
import { createReportHandlers } from './reports/report-handlers';
import type { ReportNames } from './reports/report-names';
import { createSettingsHandlers } from './settings/settings-handlers';
import { createProfileHandlers } from './settings/profile-handlers';
import type { PaymentProfileService } from './settings/payment-profile-service';
import { createLogoHandlers } from './settings/logo-handlers';
import type { LogoStore } from './settings/logo-store';
import type { SettingsService } from './settings/settings-service';
import type { StationPeople } from './station-people';
import type { TopupProfileSettings } from './settings/topup-profile-settings';
import { createStickerHandlers } from './stickers/sticker-handlers';
import { createTillHandlers } from './till/till-handlers';
import { createBatchHandlers } from './topup/batch-handlers';
import { createEventHandlers } from './topup/event-handlers';
import type { PrintJobs } from './topup/print-jobs';
import { createWristbandHandlers } from './topup/wristband-handlers';
import { createTrainingHandlers } from './training/training-handlers';

export interface HandlerDeps {
  /** The current mode (it changes when the mode does); only this file reaches into it. */
  mode: () => ModeRuntime;
  now: () => number;
  settings: SettingsService;
  /** `station.getStatus` and `station.startNewBook`: the start, its refusal and the new book. */
  book: StationBookHandlers;
  topupProfiles: TopupProfileSettings;
  /** Each shop's payment profiles (settings/payment-profile-service.ts). */
  profiles: PaymentProfileService;
  printing: PrintJobs;
  /** The event was ended, reopened, or made final by a refund file. */
  onEventChanged: (state: EventStateView) => void;
  backups: BackupHandlers;
  /** `backups.restore` and `restore.getLast` (restore/station-restore.ts). */
  restore: Pick<Handlers, 'backups.restore' | 'restore.getLast'>;
  /** The merchant's logo: its methods, and the logo top-up batches print without their own. */
  logo: LogoStore;
  /** `session.*`, `staff.*`, `devices.*` and `audit.*` (station-people.ts). */
  people: StationPeople['handlers'];
  /** Names of the people and tills the X and Z group by (station-people.ts). */
  reportNames?: ReportNames;
  /** The Refunds part of the settings: the merchant's signing key (refunds/refund-key-handlers.ts). */
  refundKeys: RefundKeyHandlers;
  /** The article catalogue, in the station database (articles/article-service.ts). */
  articles: ArticleService;
  /** Receipts, reprints and the network printers (receipts/receipt-handlers.ts). */
  receipts: ReceiptHandlers;
  /** Refunds of past sales (station-returns.ts). */
  returns: ReturnsHandlers;
  /** The station's own messages to each person (inbox/station-inbox.ts). */
  inbox: InboxHandlers;
  /** The SMTP settings of e-mailed charge receipts and their outbox (mail/mail-service.ts). */
  mail: MailHandlers;
  /** The merchant's PPRO account for live agreements (agreements/ppro-settings.ts). */
  pproSettings: PproSettings;
}

function paymentHandlers(mode: HandlerDeps['mode']) {
  return createPaymentHandlers({
    timelines: () => mode().repo,
    rejectedCallbacks: (limit) => mode().readers.rejectedCallbacks(limit),
  });
}

/** The till's sales, the agreements sold there, and the PPRO account they are sold through. */
function tillHandlers({ mode, now, pproSettings }: HandlerDeps) {
  return combine(
    createTillHandlers({ till: () => mode().till, sales: () => mode().repo, now }),
    createAgreementHandlers({ agreements: () => mode().agreements, settings: pproSettings }),
  );
}

function wristbandHandlers({ mode, topupProfiles, onEventChanged }: HandlerDeps) {
  return createWristbandHandlers({
    topup: () => mode().topup,
    liability: () => mode().readers.liability(),
    topupProfiles,
    onEventChanged,
  });
}

/**
 * Every contract method, answered by its domain's slice; each slice gets only the services it uses.
 * `combine` refuses a method two slices answer, and `Handlers` names any method none answers.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { mode, settings, onEventChanged } = deps;
  const locale = () => settings.view().locale;
  return combine(
    deps.book,
    tillHandlers(deps),
    paymentHandlers(mode),
    createAgreementViewHandlers({ db: () => mode().db }),
    createTrainingHandlers({ training: () => mode().training }),
    createSettingsHandlers(settings),
    createProfileHandlers(deps.profiles),
    wristbandHandlers(deps),
    createEventHandlers({ event: () => mode().topup.event, onEventChanged }),
    createBatchHandlers({
      batches: () => mode().readers.batches(),
      profiles: () => mode().topupProfiles,
      printing: deps.printing,
      merchantLogo: () => deps.logo.dataUrl(),
      locale,
    }),
    createReportHandlers({
      reports: () => mode().reports,
      transactions: () => mode().readers.transactions,
      locale,
      names: deps.reportNames,
    }),
    deps.backups,
    deps.restore,
    createLogoHandlers(deps.logo),
    deps.people,
    deps.refundKeys,
    createArticleHandlers({ articles: deps.articles, folder: () => mode().reports.folder, locale }),
    deps.receipts,
    deps.returns,
    deps.inbox,
    deps.mail,
    createStickerHandlers(),
    createChargeHandlers({ mode, now: deps.now }),
  );
}
