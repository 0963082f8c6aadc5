import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalesSetupView } from '../../../../shared/contract';
import { SaveOutcomeLine } from './SaveOutcomeLine';
import { rateDrafts, ratePeriods, type RateDraft, type RateProblem } from './setup-form';
import { useSaving, type SaveOutcome, type SetupChange } from './use-setup';

interface Props {
  setup: SalesSetupView;
  save: (change: SetupChange) => Promise<SaveOutcome>;
}

/**
 * The VAT rates and the days each applies (the last day included; empty: no end yet). A rate the law
 * changes gets a last day, the new rate a first day: earlier sales keep the rate they were made with.
 */
export function VatRatesEditor({ setup, save }: Props) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<RateDraft[]>(() => rateDrafts(setup.vatRates));
  const [problem, setProblem] = useState<{ row: number; problem: RateProblem } | null>(null);
  const saving = useSaving(save);
  const change = (at: number, patch: Partial<RateDraft>) =>
    setRows(rows.map((row, i) => (i === at ? { ...row, ...patch } : row)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const periods = ratePeriods(rows);
    setProblem(Array.isArray(periods) ? null : periods);
    if (Array.isArray(periods)) void saving.send({ vatRates: periods });
  };
  return (
    <form className="settings-form setup-form" onSubmit={submit} noValidate aria-labelledby="vat-rates-title">
      <h3 id="vat-rates-title">{t('salesSetup.vatRatesTitle')}</h3>
      <p className="field-hint muted">{t('salesSetup.vatRatesHint')}</p>
      <table className="setup-table">
        <thead>
          <tr>
            <th scope="col">{t('salesSetup.rate')}</th>
            <th scope="col">{t('salesSetup.from')}</th>
            <th scope="col">{t('salesSetup.until')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('salesSetup.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, at) => (
            <RateRow
              key={at}
              at={at}
              row={row}
              problem={problem?.row === at ? problem.problem : null}
              onChange={(patch) => change(at, patch)}
              onRemove={() => setRows(rows.filter((_, i) => i !== at))}
            />
          ))}
        </tbody>
      </table>
      {problem && (
        <p className="field-problem" role="alert">
          {t(`salesSetup.problems.rate-${problem.problem}`, { row: problem.row + 1 })}
        </p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => setRows([...rows, { rate: '', from: '', until: '' }])}
        >
          {t('salesSetup.addRate')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving.busy}>
          {t('settings.save')}
        </button>
      </div>
      <SaveOutcomeLine outcome={saving.outcome} />
    </form>
  );
}

interface RowProps {
  at: number;
  row: RateDraft;
  problem: RateProblem | null;
  onChange: (patch: Partial<RateDraft>) => void;
  onRemove: () => void;
}

function RateRow({ at, row, problem, onChange, onRemove }: RowProps) {
  const { t } = useTranslation();
  const n = at + 1;
  return (
    <tr>
      <td>
        <input
          aria-label={t('salesSetup.rateOfRow', { n })}
          inputMode="numeric"
          value={row.rate}
          aria-invalid={problem === 'rate' ? true : undefined}
          onChange={(e) => onChange({ rate: e.target.value })}
        />
      </td>
      <td>
        <input
          type="date"
          aria-label={t('salesSetup.fromOfRow', { n })}
          value={row.from}
          aria-invalid={problem === 'from' ? true : undefined}
          onChange={(e) => onChange({ from: e.target.value })}
        />
      </td>
      <td>
        <input
          type="date"
          aria-label={t('salesSetup.untilOfRow', { n })}
          value={row.until}
          aria-invalid={problem === 'until' ? true : undefined}
          onChange={(e) => onChange({ until: e.target.value })}
        />
      </td>
      <td>
        <button
          type="button"
          className="button"
          onClick={onRemove}
          aria-label={t('salesSetup.removeRow', { n })}
        >
          ×
        </button>
      </td>
    </tr>
  );
}
