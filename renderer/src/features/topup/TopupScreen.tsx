import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJobView } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AttentionList } from './AttentionList';
import { BatchForm } from './BatchForm';
import { BatchList } from './BatchList';
import { EventEndSection } from './EventEndSection';
import { LiabilityCards } from './LiabilityCards';
import { PrintProgress } from './PrintProgress';
import { RefundsPanel } from './RefundsPanel';
import { usePrintJob } from './use-print-job';
import { WristbandPanel } from './WristbandPanel';

/** The organiser's workshop: print wristband codes, follow the wristbands, refund after the event. */
export function TopupScreen() {
  const { t } = useTranslation();
  const print = usePrintJob();
  const [printed, setPrinted] = useState(0);
  const started = (job: PrintJobView) => {
    print.setJob(job);
    setPrinted((n) => n + 1);
  };
  return (
    <main className="topup">
      <h1>{t('topup.title')}</h1>
      <LiabilityCards />
      <section className="topup-section" aria-label={t('topup.batch.title')}>
        <BatchForm onStarted={started} />
        {print.job && <PrintProgress job={print.job} onCancel={() => void print.cancel()} />}
        {print.error && <ErrorAlert error={print.error} />}
      </section>
      <BatchList refreshKey={printed} onStarted={started} />
      <WristbandPanel />
      <AttentionList />
      <EventEndSection />
      <RefundsPanel />
    </main>
  );
}
