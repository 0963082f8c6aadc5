import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleReturnsView } from '../../../../shared/contract/returns-methods';
import { formatMoney } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n';
import { openTenders, planCents, planLines, type Chosen } from './refund-plan';

export interface RefundRequest {
  tender: string;
  lines: { saleLineId: string; quantity: number }[];
  reason?: string;
}

/**
 * Which lines and how many of each go back, by which tender (for a split sale, each with what it can
 * still give back), and the amount before confirming. Touch-sized steppers rather than typed numbers.
 */
export function RefundForm(props: {
  view: SaleReturnsView;
  busy: boolean;
  onSubmit: (request: RefundRequest) => void;
  onCancel: () => void;
}) {
  const { view } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const tenders = openTenders(view);
  const [chosen, setChosen] = useState<Chosen>({});
  const [tender, setTender] = useState(tenders.length === 1 ? tenders[0]!.source : '');
  const [reason, setReason] = useState('');
  const amount = planCents(view, chosen);
  const picked = tenders.find((t) => t.source === tender);
  const tooMuch = picked !== undefined && amount > picked.leftCents;
  const submit = () =>
    props.onSubmit({
      tender,
      lines: planLines(view, chosen),
      ...(reason.trim() && { reason: reason.trim() }),
    });
  return (
    <form
      className="refund-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <LineSteppers view={view} chosen={chosen} onChange={setChosen} />
      <fieldset className="refund-methods">
        <legend>{t('returns.method')}</legend>
        {tenders.map((option) => (
          <label key={option.source} className="touch-option">
            <input
              type="radio"
              name="refund-tender"
              checked={tender === option.source}
              onChange={() => setTender(option.source)}
            />
            {t('returns.methodLeft', {
              method: t(`reports.methods.${option.method}`),
              amount: money(option.leftCents),
            })}
          </label>
        ))}
      </fieldset>
      <label className="field">
        {t('returns.reason')}
        <input value={reason} maxLength={140} onChange={(event) => setReason(event.target.value)} />
      </label>
      <p className="refund-amount">
        {t('returns.amount')}: <strong>{money(amount)}</strong>
      </p>
      {tooMuch && (
        <p role="alert">
          {t('returns.tooMuch', {
            method: t(`reports.methods.${picked.method}`),
            amount: money(picked.leftCents),
          })}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          className="button primary"
          disabled={props.busy || amount === 0 || !picked || tooMuch}
        >
          {t('returns.confirm', { amount: money(amount) })}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t('returns.cancel')}
        </button>
      </div>
    </form>
  );
}

function LineSteppers(props: { view: SaleReturnsView; chosen: Chosen; onChange: (chosen: Chosen) => void }) {
  const { t } = useTranslation();
  const set = (id: string, quantity: number) => props.onChange({ ...props.chosen, [id]: quantity });
  return (
    <table className="refund-lines">
      <thead>
        <tr>
          <th>{t('returns.line')}</th>
          <th>{t('returns.left')}</th>
          <th>{t('returns.quantity')}</th>
        </tr>
      </thead>
      <tbody>
        {props.view.lines
          .filter((line) => line.refundableQuantity > 0)
          .map((line) => {
            const quantity = props.chosen[line.saleLineId] ?? 0;
            // A keypad line has no name: it is the amount the cashier typed.
            const name = line.name || t('returns.amountLine');
            return (
              <tr key={line.saleLineId}>
                <td>{name}</td>
                <td>{line.refundableQuantity}</td>
                <td className="stepper">
                  <button
                    type="button"
                    className="button touch"
                    aria-label={t('returns.less', { name })}
                    disabled={quantity === 0}
                    onClick={() => set(line.saleLineId, quantity - 1)}
                  >
                    −
                  </button>
                  <output aria-label={t('returns.quantity')}>{quantity}</output>
                  <button
                    type="button"
                    className="button touch"
                    aria-label={t('returns.more', { name })}
                    disabled={quantity >= line.refundableQuantity}
                    onClick={() => set(line.saleLineId, quantity + 1)}
                  >
                    +
                  </button>
                </td>
              </tr>
            );
          })}
      </tbody>
    </table>
  );
}
