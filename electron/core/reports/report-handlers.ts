import type { MethodName } from '../../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import type { ModeRuntime } from '../mode-runtime';
import type { SettingsService } from '../settings/settings-service';
import { rebuildTotals } from './rebuild';
import { transactionDetail, transactionPage } from './transaction-queries';

type ReportMethodName = Extract<
  MethodName,
  | 'till.payCash'
  | `drawer.${string}`
  | `reports.${string}`
  | 'settings.getSalesSetup'
  | 'settings.setSalesSetup'
>;

export interface ReportHandlerDeps {
  current: () => ModeRuntime;
  settings: SettingsService;
}

/** Cash, drawers, transactions, summaries, X/Z and exports; spread into the station's handlers. */
export function createReportHandlers({
  current,
  settings,
}: ReportHandlerDeps): Pick<Handlers, ReportMethodName> {
  const reports = () => current().reports;
  const locale = () => settings.view().locale;
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
      transactionPage(current().db, filters, { cursor, limit }),
    'reports.getTransaction': ({ id }) => transactionDetail(current().db, current().repo, id),
    'reports.getSummaries': () => reports().summaries(),
    'reports.getX': ({ date }) => reports().closing.x(date),
    'reports.closeDay': ({ date }) => reports().closing.closeDay(date),
    'reports.getZ': ({ number }) => reports().closing.z(number),
    'reports.listZ': ({ limit, before }) => reports().closing.list(limit, before),
    'reports.rebuildTotals': () => rebuildTotals(current().db),
    'reports.exportCsv': ({ separator, ...filters }) => reports().exports.csv(filters, locale(), separator),
    'reports.exportPdf': (input) => reports().exports.pdf(input, locale()),
    'settings.getSalesSetup': () => reports().setup.read(),
    'settings.setSalesSetup': (input) => reports().setup.update(input),
  };
}
