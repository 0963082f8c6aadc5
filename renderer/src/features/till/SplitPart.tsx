import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n';
import { amountProblemText } from '../../i18n/error-text';
import { amountReducer } from './amount-entry';
import { Numpad } from './Numpad';
import { parsePart, type PartProblem } from './split-sale';
import type { RestTender } from './SplitSale';
import type { SplitEntry } from './use-split-sale';

interface Props {
  entry: SplitEntry;
  busy: boolean;
  onPick: (tender: RestTender, cents: number) => void;
  onBack: () => void;
  /** The station's answer when it refused a part (shown beside the methods). */
  children?: ReactNode;
}

const METHODS: readonly RestTender[] = ['bancontact', 'cash', 'wristband'];

/**
 * Splitting a sale: the cashier types one part's amount (or taps it on the numpad), then picks how that
 * part is paid. The part must stay below what is due; the rest is offered after it.
 */
export function SplitPart({ entry, busy, onPick, onBack, children }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<PartProblem | null>(null);
  const money = (cents: number) => formatMoney(cents, locale);
  const pick = (tender: RestTender) => {
    const part = parsePart(text, entry.dueCents);
    if (!part.ok) return setProblem(part.problem);
    setProblem(null);
    onPick(tender, part.cents);
  };
  const submit = (event: FormEvent) => event.preventDefault();
  // A new amount is judged again at the next pick; the last verdict no longer applies to it.
  const edit = (next: string) => {
    setProblem(null);
    setText(next);
  };
  return (
    <form className="split-part" data-testid="split-part" onSubmit={submit} noValidate>
      <dl className="split-summary">
        <dt>{t('split.total')}</dt>
        <dd>{money(entry.totalCents)}</dd>
        <dt className="split-due">{t('split.due')}</dt>
        <dd className="split-due">{money(entry.dueCents)}</dd>
      </dl>
      <label htmlFor="split-part-amount">{t('split.partLabel')}</label>
      <input
        id="split-part-amount"
        className="amount-input"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        autoFocus
        placeholder="0,00"
        aria-invalid={problem !== null}
        aria-describedby={problem ? 'split-part-problem' : undefined}
        value={text}
        onChange={(e) => edit(amountReducer(text, { type: 'type', text: e.target.value }))}
      />
      <Numpad compact onKey={(key) => edit(amountReducer(text, { type: 'key', key }))} />
      {problem && <PartProblemAlert problem={problem} />}
      {children}
      <div className="split-rest" role="group" aria-label={t('split.partBy')}>
        <p>{t('split.partBy')}</p>
        {METHODS.map((tender) => (
          <button
            key={tender}
            type="button"
            className="button button-pay"
            disabled={busy}
            onClick={() => pick(tender)}
          >
            {t(`split.method.${tender}`)}
          </button>
        ))}
      </div>
      <button type="button" className="button" onClick={onBack}>
        {t('split.back')}
      </button>
    </form>
  );
}

function PartProblemAlert({ problem }: { problem: PartProblem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text =
    problem.kind === 'notBelow'
      ? t('split.partNotBelow', { amount: formatMoney(problem.dueCents, locale) })
      : problem.problem === 'zero'
        ? t('split.partZero')
        : `${t('split.partLabel')}: ${amountProblemText(t, problem.problem)}`;
  return (
    <p className="alert" role="alert" id="split-part-problem">
      {text}
    </p>
  );
}
