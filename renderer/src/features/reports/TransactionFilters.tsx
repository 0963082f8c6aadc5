import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TRANSACTION_METHODS,
  TRANSACTION_STATUSES,
  type PaymentProfileView,
  type SalesSetupView,
} from '../../../../shared/contract';
import { EMPTY_FORM, toFilters, type FilterForm, type Filters } from './transaction-filters';
import { tillIds } from './use-sales-setup';

type TextKey = 'tillId' | 'cashierId' | 'profileId' | 'search';
const TEXT_FIELDS: { key: TextKey; label: string }[] = [
  { key: 'tillId', label: 'reports.tx.till' },
  { key: 'cashierId', label: 'reports.tx.cashier' },
  { key: 'profileId', label: 'reports.tx.profile' },
  { key: 'search', label: 'reports.tx.search' },
];

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** The transaction filters; nothing is asked of the station until the form makes sense. */
export function TransactionFilters({
  setup,
  profiles = null,
  onApply,
}: {
  setup: SalesSetupView | null;
  /** The shops' payment profiles, to choose from by name; null (not allowed to read them): typed. */
  profiles?: PaymentProfileView[] | null;
  onApply: (f: Filters) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FilterForm>(EMPTY_FORM);
  const [problem, setProblem] = useState<string | null>(null);
  const set: Setter = (key) => (event) => setForm((current) => ({ ...current, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = toFilters(form);
    setProblem(checked.ok ? null : t(`reports.tx.${checked.problem}`));
    if (checked.ok) onApply(checked.filters);
  };
  const reset = () => {
    setForm(EMPTY_FORM);
    setProblem(null);
    onApply({});
  };
  return (
    <form
      className="transaction-filters no-print"
      aria-label={t('reports.tx.filters')}
      onSubmit={submit}
      noValidate
    >
      <Field id="tx-from" label={t('reports.tx.from')}>
        <input id="tx-from" type="date" value={form.from} onChange={set('from')} />
      </Field>
      <Field id="tx-to" label={t('reports.tx.to')}>
        <input id="tx-to" type="date" value={form.to} onChange={set('to')} />
      </Field>
      <ChoiceFields form={form} setup={setup} set={set} />
      {profiles && <ProfileChoice profiles={profiles} value={form.profileId} set={set} />}
      {TEXT_FIELDS.filter(({ key }) => !(profiles && key === 'profileId')).map(({ key, label }) => (
        <Field key={key} id={`tx-${key}`} label={t(label)}>
          <input
            id={`tx-${key}`}
            type="text"
            autoComplete="off"
            spellCheck={false}
            list={key === 'tillId' ? 'tx-tills' : undefined}
            value={form[key]}
            onChange={set(key)}
          />
        </Field>
      ))}
      <datalist id="tx-tills">
        {tillIds(setup).map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small">
          {t('reports.tx.apply')}
        </button>
        <button type="button" className="button button-small" onClick={reset}>
          {t('reports.tx.reset')}
        </button>
      </div>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

type Setter = (key: keyof FilterForm) => (event: { target: { value: string } }) => void;

/** Shop, method and status: closed lists, so no unknown value can be chosen. */
function ChoiceFields({ form, setup, set }: { form: FilterForm; setup: SalesSetupView | null; set: Setter }) {
  const { t } = useTranslation();
  return (
    <>
      <Field id="tx-shop" label={t('reports.tx.shop')}>
        <select id="tx-shop" value={form.shopId} onChange={set('shopId')}>
          <option value="">{t('reports.tx.any')}</option>
          {setup?.shops.map((shop) => (
            <option key={shop.id} value={shop.id}>
              {shop.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="tx-method" label={t('reports.tx.method')}>
        <select id="tx-method" value={form.method} onChange={set('method')}>
          <option value="">{t('reports.tx.any')}</option>
          {TRANSACTION_METHODS.map((method) => (
            <option key={method} value={method}>
              {t(`reports.methods.${method}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="tx-status" label={t('reports.tx.status')}>
        <select id="tx-status" value={form.status} onChange={set('status')}>
          <option value="">{t('reports.tx.any')}</option>
          {TRANSACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`reports.statuses.${status}`)}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}

/** Profiles by name with their PPID; in training a profile's sales carry its simulator stand-in's PPID. */
function ProfileChoice({
  profiles,
  value,
  set,
}: {
  profiles: PaymentProfileView[];
  value: string;
  set: Setter;
}) {
  const { t } = useTranslation();
  const choices = profiles.flatMap((p) => [
    { value: p.ppid, label: `${p.name} (${p.ppid})` },
    ...(p.trainingPpid && p.trainingPpid !== p.ppid
      ? [{ value: p.trainingPpid, label: `${p.name}, ${t('profiles.training')} (${p.trainingPpid})` }]
      : []),
  ]);
  return (
    <Field id="tx-profileId" label={t('reports.tx.profile')}>
      <select id="tx-profileId" value={value} onChange={set('profileId')}>
        <option value="">{t('reports.tx.any')}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
