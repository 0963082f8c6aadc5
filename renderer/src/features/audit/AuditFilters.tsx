import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_FILTER, rangeWrong, type AuditFilterDraft } from './audit-filters';
import { actionLabel } from './action-label';
import type { AuditChoices, Choice } from './use-audit-choices';

type Key = keyof AuditFilterDraft;
type Setter = (key: Key) => (event: { target: { value: string } }) => void;

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** Date, action, person, device, outcome and a search in what an entry was about. */
export function AuditFilters({
  choices,
  onApply,
}: {
  choices: AuditChoices;
  onApply: (f: AuditFilterDraft) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<AuditFilterDraft>(NO_FILTER);
  const [wrong, setWrong] = useState(false);
  const set: Setter = (key) => (event) => setForm((current) => ({ ...current, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setWrong(rangeWrong(form));
    if (!rangeWrong(form)) onApply(form);
  };
  const reset = () => {
    setForm(NO_FILTER);
    setWrong(false);
    onApply(NO_FILTER);
  };
  return (
    <form
      className="transaction-filters audit-filters"
      aria-label={t('audit.filters')}
      onSubmit={submit}
      noValidate
    >
      <Field id="audit-from" label={t('audit.from')}>
        <input id="audit-from" type="date" value={form.from} onChange={set('from')} />
      </Field>
      <Field id="audit-to" label={t('audit.to')}>
        <input id="audit-to" type="date" value={form.to} onChange={set('to')} />
      </Field>
      <WhoAndWhat form={form} choices={choices} set={set} />
      {wrong && (
        <p className="alert" role="alert">
          {t('audit.rangeWrong')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small">
          {t('audit.apply')}
        </button>
        <button type="button" className="button button-small" onClick={reset}>
          {t('audit.reset')}
        </button>
      </div>
    </form>
  );
}

interface SelectProps {
  id: string;
  label: string;
  value: string;
  list: Choice[];
  onChange: (event: { target: { value: string } }) => void;
}

function ChoiceSelect({ id, label, value, list, onChange }: SelectProps) {
  const { t } = useTranslation();
  return (
    <Field id={id} label={label}>
      <select id={id} value={value} onChange={onChange}>
        <option value="">{t('audit.anyone')}</option>
        {list.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Action, person, device, outcome and the search: everything but the dates. */
function WhoAndWhat({ form, choices, set }: { form: AuditFilterDraft; choices: AuditChoices; set: Setter }) {
  const { t } = useTranslation();
  return (
    <>
      <Field id="audit-action" label={t('audit.action')}>
        <select id="audit-action" value={form.action} onChange={set('action')}>
          <option value="">{t('audit.anyAction')}</option>
          {choices.actions.map((action) => (
            <option key={action} value={action}>
              {actionLabel(t, action)}
            </option>
          ))}
        </select>
      </Field>
      <ChoiceSelect
        id="audit-person"
        label={t('audit.person')}
        value={form.staffId}
        list={choices.people}
        onChange={set('staffId')}
      />
      <ChoiceSelect
        id="audit-device"
        label={t('audit.device')}
        value={form.deviceId}
        list={choices.devices}
        onChange={set('deviceId')}
      />
      <Field id="audit-outcome" label={t('audit.outcome')}>
        <select id="audit-outcome" value={form.outcome} onChange={set('outcome')}>
          <option value="">{t('audit.anyOutcome')}</option>
          <option value="ok">{t('audit.outcomes.ok')}</option>
          <option value="refused">{t('audit.outcomes.refused')}</option>
        </select>
      </Field>
      <Field id="audit-text" label={t('audit.text')}>
        <input
          id="audit-text"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={form.text}
          onChange={set('text')}
        />
      </Field>
    </>
  );
}
