import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';
import { BackupWarning } from '../settings/BackupWarning';
import { ClosingPanel } from './ClosingPanel';
import { DrawerPanel } from './DrawerPanel';
import { SummaryCards } from './SummaryCards';
import { TransactionsPanel } from './TransactionsPanel';
import { RefreshContext, useStationData } from './use-station-data';
import { XReportPanel } from './XReportPanel';

const readX = () => call('reports.getX', {});

/** Re-read everything when money moved anywhere, and after a reconnect (events may have been missed). */
function useRefreshVersion() {
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((n) => n + 1), []);
  useStationEvents((event) => {
    if (event.name === 'payments.changed' || event.name === 'wristbands.changed') bump();
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
  return (
    <main className="reports">
      <h1 className="no-print">{t('reports.title')}</h1>
      <BackupWarning />
      <DrawerPanel />
      <SummaryCards />
      <XReportPanel x={x} />
      <ClosingPanel businessDate={x.kind === 'ready' ? x.value.businessDate : null} />
      <TransactionsPanel />
    </main>
  );
}
