import type { MethodName } from '../../../shared/contract';
import type {
  RebuildView,
  ReportView,
  TransactionDetailView,
  TransactionPageView,
} from '../../../shared/contract/report-views';
import type { Locale } from '../../../shared/domain/money';
import type { Handlers } from '../api/dispatcher';
import { actorOf } from '../ledger/actor';
import { rowsWithNames, withNames, type ReportNames } from './report-names';
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
  page(filters: TransactionFilters, page: { cursor?: string; limit: number }): Promise<TransactionPageView>;
  detail(id: string): Promise<TransactionDetailView>;
  rebuildTotals(): Promise<RebuildView>;
}

export interface ReportHandlerDeps {
  /** The current mode's cash, drawers, closing, summaries, exports and sales setup. */
  reports: () => ReportServices;
  transactions: () => TransactionReader;
  /** The station's language, for exports. */
  locale: () => Locale;
  /** Names of the tills and cashiers the X and Z group by (station.sqlite); ids alone without it. */
  names?: ReportNames;
}

/** Cash, drawers, transactions, summaries, X/Z and exports; spread into the station's handlers. */
export function createReportHandlers({
  reports,
  transactions,
  locale,
  names,
}: ReportHandlerDeps): Pick<Handlers, ReportMethodName> {
  const named = (report: ReportView) => withNames(report, names);
  return {
    'till.payCash': (input, caller) => reports().cash.pay(input, actorOf(caller)),
    'drawer.open': ({ tillId, floatCents }, caller) =>
      reports().drawers.open(tillId, floatCents, actorOf(caller)),
    'drawer.cashIn': ({ tillId, ...movement }, caller) =>
      reports().drawers.move(tillId, 'in', movement, actorOf(caller)),
    'drawer.cashOut': ({ tillId, ...movement }, caller) =>
      reports().drawers.move(tillId, 'out', movement, actorOf(caller)),
    'drawer.close': ({ tillId, countedCents }, caller) =>
      reports().drawers.close(tillId, countedCents, actorOf(caller)),
    'drawer.get': ({ tillId }) => reports().drawers.get(tillId),
    'reports.listTransactions': async ({ cursor, limit, ...filters }) => {
      const page = await transactions().page(filters, { cursor, limit });
      return { ...page, rows: await rowsWithNames(page.rows, names) };
    },
    'reports.getTransaction': async ({ id }) => {
      const detail = await transactions().detail(id);
      return { ...detail, row: (await rowsWithNames([detail.row], names))[0] ?? detail.row };
    },
    'reports.getSummaries': (filter) => reports().summaries(filter),
    'reports.getX': async ({ date }) => named(await reports().closing.x(date)),
    'reports.closeDay': ({ date }, caller) => reports().closing.closeDay(date, actorOf(caller), named),
    'reports.getZ': async ({ number }) => named(await reports().closing.z(number)),
    'reports.listZ': ({ limit, before }) => reports().closing.list(limit, before),
    'reports.rebuildTotals': () => transactions().rebuildTotals(),
    'reports.exportCsv': ({ separator, ...filters }) => reports().exports.csv(filters, locale(), separator),
    'reports.exportPdf': (input) => reports().exports.pdf(input, locale(), named),
    'settings.getSalesSetup': () => reports().setup.read(),
    'settings.setSalesSetup': (input) => reports().setup.update(input),
  };
}
