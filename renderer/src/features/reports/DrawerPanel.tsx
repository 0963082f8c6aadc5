import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, DrawerView, Result } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { CashAmountForm, CashMovementForm } from './DrawerForms';
import { Figures } from './Figures';
import { formatInstant } from './format';
import { tillIds, useSalesSetup } from './use-sales-setup';
import { useRefresh, useStationData } from './use-station-data';

/** Sends one drawer change; on success every panel re-reads (the X report's cash figures move too). */
function useDrawerAction() {
  const { bump } = useRefresh();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const run = async (work: () => Promise<Result<DrawerView>>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const result = await work();
    setBusy(false);
    if (!result.ok) setError(result.error);
    else bump();
    return result.ok;
  };
  return { busy, error, run };
}

/** A request from elsewhere on the screen (a Z about to close uncounted) to count this till's drawer. */
export interface CountRequest {
  tillId: string;
  /** Grows with each request, so asking twice focuses twice. */
  n: number;
}

/** The till's cash drawer: open with a float, cash in and out, count and close. */
export function DrawerPanel({
  tillId,
  onTillChange,
  countRequest,
}: {
  tillId: string;
  onTillChange: (tillId: string) => void;
  countRequest: CountRequest | null;
}) {
  const { t } = useTranslation();
  const setTillId = onTillChange;
  const tills = tillIds(useSalesSetup());
  const read = useCallback(() => call('drawer.get', { tillId }), [tillId]);
  const drawer = useStationData(read);
  return (
    <section className="reports-section drawer-panel" aria-labelledby="drawer-title">
      <h2 id="drawer-title">{t('drawer.title')}</h2>
      <label className="inline-field">
        {t('drawer.till')}{' '}
        <select value={tillId} onChange={(e) => setTillId(e.target.value)}>
          {tills.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      {drawer.kind === 'error' && <ErrorAlert error={drawer.error} />}
      {drawer.kind === 'ready' && (
        <DrawerState
          key={tillId}
          tillId={tillId}
          drawer={drawer.value}
          countAsked={countRequest?.tillId === tillId ? countRequest.n : 0}
        />
      )}
    </section>
  );
}

function DrawerState({
  tillId,
  drawer,
  countAsked,
}: {
  tillId: string;
  drawer: DrawerView | null;
  countAsked: number;
}) {
  const { t } = useTranslation();
  const action = useDrawerAction();
  const open = drawer?.status === 'open' ? drawer : null;
  // Focusing the field also scrolls it into view: the manager lands where the count is typed. Again once
  // the asked till's open drawer has been read (the panel may still show the previous till's at first).
  const openId = open?.id;
  useEffect(() => {
    if (countAsked > 0 && openId) document.getElementById('drawer-counted')?.focus();
  }, [countAsked, openId]);
  return (
    <>
      {!drawer && <p className="muted">{t('drawer.none')}</p>}
      {drawer && <DrawerSummary drawer={drawer} />}
      {open ? (
        <>
          <CashMovementForm
            busy={action.busy}
            onMove={(kind, amountCents, reason) =>
              action.run(() =>
                call(kind === 'in' ? 'drawer.cashIn' : 'drawer.cashOut', { tillId, amountCents, reason }),
              )
            }
          />
          <CashAmountForm
            id="drawer-counted"
            label={t('drawer.counted')}
            action={t('drawer.close')}
            busy={action.busy}
            onSubmit={(countedCents) => action.run(() => call('drawer.close', { tillId, countedCents }))}
          />
        </>
      ) : (
        <CashAmountForm
          id="drawer-float"
          label={t('drawer.float')}
          action={t('drawer.open')}
          busy={action.busy}
          onSubmit={(floatCents) => action.run(() => call('drawer.open', { tillId, floatCents }))}
        />
      )}
      {action.error && <ErrorAlert error={action.error} />}
      {drawer && drawer.movements.length > 0 && <Movements drawer={drawer} />}
    </>
  );
}

function DrawerSummary({ drawer }: { drawer: DrawerView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const items: [string, string][] = [
    [t('drawer.figures.float'), money(drawer.floatCents)],
    [t('drawer.figures.cashSales'), money(drawer.cashSalesCents)],
    [t('drawer.figures.cashIn'), money(drawer.cashInCents)],
    [t('drawer.figures.cashOut'), money(drawer.cashOutCents)],
    [t('drawer.figures.expected'), money(drawer.expectedCents)],
  ];
  if (drawer.countedCents !== null) items.push([t('drawer.figures.counted'), money(drawer.countedCents)]);
  if (drawer.differenceCents !== null)
    items.push([t('drawer.figures.difference'), money(drawer.differenceCents)]);
  const when =
    drawer.status === 'open'
      ? t('drawer.isOpen', { time: formatInstant(drawer.openedAt, locale) })
      : t('drawer.isClosed', { time: formatInstant(drawer.closedAt ?? drawer.openedAt, locale) });
  return (
    <div className={`drawer-summary drawer-${drawer.status}`}>
      <p role="status">{drawer.status === 'closed' ? `${t('drawer.lastCount')} · ${when}` : when}</p>
      <Figures className="drawer-figures" items={items} />
    </div>
  );
}

function Movements({ drawer }: { drawer: DrawerView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <table className="report-table">
      <caption>{t('drawer.movements')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('drawer.time')}</th>
          <th scope="col">{t('drawer.kind')}</th>
          <th scope="col">{t('drawer.amount')}</th>
          <th scope="col">{t('drawer.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {drawer.movements.map((move, index) => (
          <tr key={`${move.at}-${index}`}>
            <td>{formatInstant(move.at, locale)}</td>
            <td>{t(`drawer.kinds.${move.kind}`)}</td>
            <td className="num">{formatMoney(move.amountCents, locale)}</td>
            <td>{move.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
