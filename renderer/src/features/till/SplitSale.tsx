import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleView, TenderView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n';
import { awaitsNextPart, takenTenders } from './split-sale';

export type RestTender = 'bancontact' | 'cash' | 'wristband';

interface Props {
  sale: SaleView;
  busy: boolean;
  onPayRest: (tender: RestTender) => void;
  /** Pay only a part of the rest: its amount is typed next (SplitPart). */
  onSplitRest: () => void;
  onCancelSale: () => void;
}

/**
 * A sale paid in parts: its total, what each tender paid, and what is still due; the Pay buttons take
 * the due. Cancel sale asks first and says what goes back to whom.
 */
export function SplitSale({ sale, busy, onPayRest, onSplitRest, onCancelSale }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [asking, setAsking] = useState(false);
  const money = (cents: number) => formatMoney(cents, locale);
  const due = sale.dueCents ?? sale.amountCents;
  const waiting = awaitsNextPart(sale);
  return (
    <div className="split-sale" data-testid="split-sale">
      <dl className="split-summary">
        <dt>{t('split.total')}</dt>
        <dd data-testid="split-total">{money(sale.amountCents)}</dd>
        {(sale.tenders ?? []).map((tender, index) => (
          <TenderLine key={index} tender={tender} />
        ))}
        <dt className="split-due">{t('split.due')}</dt>
        <dd className="split-due" data-testid="split-due">
          {money(due)}
        </dd>
      </dl>
      {waiting && (
        <div className="split-rest" role="group" aria-label={t('split.payRest', { amount: money(due) })}>
          <p>{t('split.payRest', { amount: money(due) })}</p>
          {(['bancontact', 'cash', 'wristband'] as const).map((tender) => (
            <button
              key={tender}
              type="button"
              className="button button-pay"
              disabled={busy}
              onClick={() => onPayRest(tender)}
            >
              {t(`split.method.${tender}`)}
            </button>
          ))}
        </div>
      )}
      {/* Side by side: with the methods above, the sale's actions stay on a 1024 × 768 screen. */}
      {waiting && (
        <div className="split-more">
          <button type="button" className="button split-part-of-rest" disabled={busy} onClick={onSplitRest}>
            {t('split.partOfRest')}
          </button>
          {!asking && (
            <button
              type="button"
              className="button button-cancel"
              disabled={busy}
              onClick={() => setAsking(true)}
            >
              {t('split.cancelSale')}
            </button>
          )}
        </div>
      )}
      {waiting && asking && (
        <CancelQuestion sale={sale} busy={busy} onConfirm={onCancelSale} onKeep={() => setAsking(false)} />
      )}
    </div>
  );
}

function TenderLine({ tender }: { tender: TenderView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const outcome = tender.status === 'succeeded' ? '' : ` (${t(`split.status.${tender.status}`)})`;
  const cash = tender.cash;
  return (
    <>
      <dt>{t(`split.method.${tender.method}`) + outcome}</dt>
      <dd className={`tender-${tender.status}`}>{money(tender.amountCents)}</dd>
      {/* What the cashier took and hands back for a cash part, right where the sale goes on. */}
      {cash && (
        <dd className="split-cash-detail" data-testid="split-cash-detail">
          {t('split.cashDetail', { received: money(cash.tenderedCents), change: money(cash.changeCents) })}
        </dd>
      )}
    </>
  );
}

function CancelQuestion(props: { sale: SaleView; busy: boolean; onConfirm: () => void; onKeep: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="confirm-box" role="group" aria-labelledby="cancel-split">
      <p id="cancel-split">{t('split.cancelAsk')}</p>
      <ul className="split-give-back">
        {takenTenders(props.sale).map((tender, index) => (
          <li key={index}>
            {t(`split.giveBack.${tender.method}`, {
              amount: formatMoney(tender.amountCents, locale),
              id: tender.wristbandId ?? '',
            })}
          </li>
        ))}
      </ul>
      <button type="button" className="button button-cancel" disabled={props.busy} onClick={props.onConfirm}>
        {t('split.confirmCancel')}
      </button>
      <button type="button" className="button" onClick={props.onKeep}>
        {t('split.keepSale')}
      </button>
    </div>
  );
}
