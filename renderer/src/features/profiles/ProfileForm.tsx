import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentProfileView } from '../../../../shared/contract';
import { ibanHolds, PROFILE_KINDS, type ProfileKind } from '../../../../shared/domain/payment-profiles';
import { TOPUP_AMOUNT_MODES, type TopupAmountMode } from '../../../../shared/domain/topup';

export interface ProfileDraft {
  kind: ProfileKind;
  name: string;
  ppid: string;
  payoutIban: string;
  /** Only a top-up profile has one: the codes Bancontact support set it up for. */
  amountMode?: TopupAmountMode;
}

interface Props {
  /** The profile being edited (name and IBAN), or null for a new one. */
  profile: PaymentProfileView | null;
  idPrefix: string;
  busy: boolean;
  onSave: (draft: ProfileDraft) => void;
  onCancel: () => void;
}

type Problems = Partial<Record<'name' | 'ppid' | 'payoutIban', string>>;

function problemsOf(draft: ProfileDraft, t: (key: string) => string): Problems {
  const problems: Problems = {};
  if (draft.name.trim() === '') problems.name = t('profiles.problems.name');
  if (!/^[A-Za-z0-9]{1,64}$/.test(draft.ppid)) problems.ppid = t('profiles.problems.ppid');
  if (draft.payoutIban.trim() !== '' && !ibanHolds(draft.payoutIban))
    problems.payoutIban = t('profiles.problems.iban');
  return problems;
}

/**
 * A new profile's kind, name, PPID and payout IBAN (and a top-up profile's amount rule); an existing
 * one's name and IBAN.
 */
export function ProfileForm({ profile, idPrefix, busy, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ProfileDraft>({
    kind: profile?.kind ?? 'display',
    ...{ name: profile?.name ?? '', ppid: profile?.ppid ?? '', payoutIban: profile?.iban ?? '' },
  });
  const [problems, setProblems] = useState<Problems>({});
  const set = (key: keyof ProfileDraft) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = problemsOf(draft, t);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const { amountMode = 'open', ...rest } = draft;
    onSave({ ...rest, name: draft.name.trim(), ...(draft.kind === 'topup' ? { amountMode } : {}) });
  };
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <form className="settings-form setup-card" onSubmit={submit} noValidate data-testid="profile-form">
      {!profile && (
        <div className="setup-field">
          <label htmlFor={id('kind')}>{t('profiles.kind')}</label>
          <select id={id('kind')} value={draft.kind} onChange={set('kind')}>
            {PROFILE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`profiles.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {!profile && draft.kind === 'topup' && (
        <div className="setup-field">
          <label htmlFor={id('amountMode')}>{t('profiles.amountMode')}</label>
          <select id={id('amountMode')} value={draft.amountMode ?? 'open'} onChange={set('amountMode')}>
            {TOPUP_AMOUNT_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`topup.modes.${mode}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <Field
        id={id('name')}
        label={t('profiles.name')}
        value={draft.name}
        problem={problems.name}
        onChange={set('name')}
      />
      {!profile && (
        <Field
          id={id('ppid')}
          label={t('profiles.ppid')}
          value={draft.ppid}
          problem={problems.ppid}
          onChange={set('ppid')}
        />
      )}
      <Field
        id={id('iban')}
        label={t('profiles.iban')}
        value={draft.payoutIban}
        problem={problems.payoutIban}
        onChange={set('payoutIban')}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('settings.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('salesSetup.cancel')}
        </button>
      </div>
    </form>
  );
}

interface FieldProps {
  id: string;
  label: string;
  value: string;
  problem?: string;
  onChange: (event: { target: { value: string } }) => void;
}

function Field({ id, label, value, problem, onChange }: FieldProps) {
  return (
    <div className="setup-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        onChange={onChange}
      />
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
