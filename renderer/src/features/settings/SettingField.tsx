import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HintedInput } from './HintedInput';
import type { FieldOutcome, useSettingField } from './use-setting-field';

interface Props {
  id: string;
  label: string;
  hint: string;
  placeholder?: string;
  type?: 'text' | 'url';
  /** Remove only makes sense while the station holds a value. */
  removable: boolean;
  field: ReturnType<typeof useSettingField>;
}

/** A labelled field with its one-line explanation, Save and Remove, and what came of the last try. */
export function SettingField({ id, label, hint, placeholder, type = 'text', removable, field }: Props) {
  const { t } = useTranslation();
  const { draft, setDraft, outcome, busy, save, remove } = field;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) save();
  };
  return (
    <form className="settings-form" onSubmit={submit} noValidate>
      <HintedInput
        {...{ id, label, hint, placeholder, type }}
        inputMode={type === 'url' ? 'url' : 'text'}
        spellCheck={false}
        invalid={outcome?.kind === 'problem'}
        value={draft}
        onValue={setDraft}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('settings.save')}
        </button>
        <button type="button" className="button" disabled={busy || !removable} onClick={remove}>
          {t('settings.remove')}
        </button>
      </div>
      <FieldMessage outcome={outcome} />
    </form>
  );
}

function FieldMessage({ outcome }: { outcome: FieldOutcome }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  if (outcome.kind === 'error') return <ErrorAlert error={outcome.error} />;
  if (outcome.kind === 'saved') {
    return (
      <p className="ok" role="status">
        {t('settings.saved')}
      </p>
    );
  }
  return (
    <p className="alert" role="alert">
      {t(`settings.${outcome.problem}`)}
    </p>
  );
}
