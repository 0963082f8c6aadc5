import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';
import { IbansToVerify } from '../profiles/IbansToVerify';
import { BackupWarning } from '../settings/BackupWarning';
import { ClosingPanel } from './ClosingPanel';
import { DrawerPanel, type CountRequest } from './DrawerPanel';
import { SummaryCards } from './SummaryCards';
import type { Filters } from './transaction-filters';
import { TransactionsPanel } from './TransactionsPanel';
import { RefreshContext, useStationData } from './use-station-data';
import { XReportPanel } from './XReportPanel';

const readX = () => call('reports.getX', {});

/** Re-read everything when money moved anywhere, and after a reconnect (events may have been missed). */
export function useRefreshVersion() {
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((n) => n + 1), []);
  useStationEvents((event) => {
    if (['payments.changed', 'wristbands.changed', 'returns.changed'].includes(event.name)) bump();
  }, bump);
  return useMemo(() => ({ version, bump }), [version, bump]);
}

/** The manager's closing screen: the drawer, the figures, X and Z, and every transaction. */
export function ReportsScreen() {
  const refresh = useRefreshVersion();
  return (
    <RefreshContext value={refresh}>
      <ReportsBody />
    </RefreshContext>
  );
}

function ReportsBody() {
  const { t } = useTranslation();
  const x = useStationData(readX);
  const [drawerTill, setDrawerTill] = useState('till-1');
  const [countRequest, setCountRequest] = useState<CountRequest | null>(null);
  // The summary follows the transactions' shop and profile filters, as the portal's list does.
  const [filters, setFilters] = useState<Filters>({});
  const uncounted =
    x.kind === 'ready'
      ? x.value.cash.drawers.filter((d) => d.countedCents === null).map((d) => d.tillId)
      : [];
  const goCount = (tillId: string) => {
    setDrawerTill(tillId);
    setCountRequest((last) => ({ tillId, n: (last?.n ?? 0) + 1 }));
  };
  return (
    <main className="reports">
      <h1 className="no-print">{t('reports.title')}</h1>
      <BackupWarning />
      <DrawerPanel tillId={drawerTill} onTillChange={setDrawerTill} countRequest={countRequest} />
      <SummaryCards shopId={filters.shopId} profileId={filters.profileId} />
      <XReportPanel x={x} />
      <ClosingPanel
        businessDate={x.kind === 'ready' ? x.value.businessDate : null}
        uncounted={uncounted}
        onCount={goCount}
      />
      <TransactionsPanel onFiltered={setFilters} />
      <IbansToVerify />
    </main>
  );
}
