import type { MethodName } from '../../../shared/contract';
import type {
  RebuildView,
  TransactionDetailView,
  TransactionPageView,
} from '../../../shared/contract/report-views';
import type { Locale } from '../../../shared/domain/money';
import type { Handlers } from '../api/dispatcher';
import type { ReportServices } from './report-services';
import type { TransactionFilters } from './transaction-queries';

type ReportMethodName = Extract<
  MethodName,
  | 'till.payCash'
  | `drawer.${string}`
  | `reports.${string}`
  | 'settings.getSalesSetup'
  | 'settings.setSalesSetup'
>;

/** The transactions list and its rebuild, over the current mode's book (mode-readers.ts builds it). */
export interface TransactionReader {
  page(filters: TransactionFilters, page: { cursor?: string; limit: number }): TransactionPageView;
  detail(id: string): TransactionDetailView;
  rebuildTotals(): RebuildView;
}

export interface ReportHandlerDeps {
  /** The current mode's cash, drawers, closing, summaries, exports and sales setup. */
  reports: () => ReportServices;
  transactions: () => TransactionReader;
  /** The station's language, for exports. */
  locale: () => Locale;
}

/** Cash, drawers, transactions, summaries, X/Z and exports; spread into the station's handlers. */
export function createReportHandlers({
  reports,
  transactions,
  locale,
}: ReportHandlerDeps): Pick<Handlers, ReportMethodName> {
  return {
    'till.payCash': (input) => reports().cash.pay(input),
    'drawer.open': ({ tillId, floatCents }) => reports().drawers.open(tillId, floatCents),
    'drawer.cashIn': ({ tillId, amountCents, reason }) =>
      reports().drawers.move(tillId, 'in', amountCents, reason),
    'drawer.cashOut': ({ tillId, amountCents, reason }) =>
      reports().drawers.move(tillId, 'out', amountCents, reason),
    'drawer.close': ({ tillId, countedCents }) => reports().drawers.close(tillId, countedCents),
    'drawer.get': ({ tillId }) => reports().drawers.get(tillId),
    'reports.listTransactions': ({ cursor, limit, ...filters }) =>
      transactions().page(filters, { cursor, limit }),
    'reports.getTransaction': ({ id }) => transactions().detail(id),
    'reports.getSummaries': () => reports().summaries(),
    'reports.getX': ({ date }) => reports().closing.x(date),
    'reports.closeDay': ({ date }) => reports().closing.closeDay(date),
    'reports.getZ': ({ number }) => reports().closing.z(number),
    'reports.listZ': ({ limit, before }) => reports().closing.list(limit, before),
    'reports.rebuildTotals': () => transactions().rebuildTotals(),
    'reports.exportCsv': ({ separator, ...filters }) => reports().exports.csv(filters, locale(), separator),
    'reports.exportPdf': (input) => reports().exports.pdf(input, locale()),
    'settings.getSalesSetup': () => reports().setup.read(),
    'settings.setSalesSetup': (input) => reports().setup.update(input),
  };
}
