import { useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { NoticeAlert, type Notice } from '../../components/ErrorAlert';
import { useStation } from '../../components/station-context';
import { TrainingCustomerPanel } from '../training/TrainingCustomerPanel';
import { amountReducer } from './amount-entry';
import { AmountEntry } from './AmountEntry';
import { CurrentSale, PendingSale } from './CurrentSale';
import { RecentSales } from './RecentSales';
import { SaleActions } from './SaleActions';
import { SecondTenderPanel, useSecondTender } from './SecondTender';
import { useTillSale } from './use-till-sale';
import type { SaleView } from '../../../../shared/contract';

/** The payment problem is already explained on the sale; the same error twice would only be noise. */
function visibleNotice(notice: Notice | null, sale: SaleView | null): Notice | null {
  if (notice?.kind === 'error' && notice.error.code === sale?.payment?.problem?.code) return null;
  return notice;
}

export function TillScreen() {
  const { t } = useTranslation();
  const { mode } = useStation();
  const [text, dispatch] = useReducer(amountReducer, '');
  const till = useTillSale();
  const { sale, busy } = till;
  const second = useSecondTender(sale, till.setNotice);

  const newSale = () => {
    till.clear();
    second.clear();
    dispatch({ type: 'reset' });
  };

  return (
    <main className="till">
      <section className="till-entry">
        <AmountEntry
          text={text}
          dispatch={dispatch}
          busy={busy}
          onPay={(cents) => void till.start(cents)}
          onPayWithWristband={second.choose('wristband')}
          onPayCash={second.choose('cash')}
          onProblem={(problem) => till.setNotice({ kind: 'amount', problem })}
        />
        <NoticeAlert notice={visibleNotice(till.notice, sale)} />
      </section>
      <section className="till-sale" aria-labelledby="current-sale-title">
        <h2 id="current-sale-title">{t('till.currentSale')}</h2>
        {second.tender ? (
          <SecondTenderPanel tender={second.tender} onNewSale={newSale} />
        ) : till.pending !== null ? (
          <PendingSale cents={till.pending} />
        ) : sale ? (
          <>
            <CurrentSale sale={sale} />
            <SaleActions
              sale={sale}
              busy={busy}
              onCancel={() => till.act('till.cancelPayment')}
              onRetry={() => void till.act('till.retryPayment')}
              onNewSale={newSale}
            />
          </>
        ) : (
          <p className="muted no-sale">{t('till.noSale')}</p>
        )}
      </section>
      {mode === 'training' && (
        <TrainingCustomerPanel sale={sale} busy={busy} onAction={(action) => void till.act(action)} />
      )}
      <RecentSales />
    </main>
  );
}
