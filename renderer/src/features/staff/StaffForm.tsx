import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { Locale } from '../../../../shared/domain/money';
import { usesPin, type Role } from '../../../../shared/domain/roles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { LocaleField, NameField, RoleField } from './PersonFields';
import { SecretField, secretMeetsRule } from './SecretField';
import type { StaffView } from './staff-api';

export interface StaffFormValues {
  name: string;
  locale: Locale;
  role: Role;
  /**
   * A new person's first PIN or password; on an edit only when the role moves to or from cashier (a
   * PIN becomes a password or back), else empty: a forgotten one is changed on its own form.
   */
  secret: string;
}

interface Props {
  /** Absent: a new person. */
  editing?: StaffView;
  onSubmit: (values: StaffFormValues) => Promise<ContractError | null>;
  onCancel?: () => void;
}

/** Name, language and role; for a new person also the PIN (cashier) or password (everyone else). */
export function StaffForm({ editing, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const uiLocale = useLocale();
  const [name, setName] = useState(editing?.name ?? '');
  const [locale, setLocale] = useState<Locale>(editing?.locale ?? uiLocale);
  const [role, setRole] = useState<Role>(editing?.role ?? 'cashier');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const prefix = editing ? `staff-edit-${editing.id}` : 'staff-new';
  const needsSecret = !editing || usesPin(role) !== usesPin(editing.role);
  const ready = name.trim().length > 0 && (!needsSecret || secretMeetsRule(usesPin(role), secret));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    const failed = await onSubmit({ name: name.trim(), locale, role, secret: needsSecret ? secret : '' });
    setBusy(false);
    setError(failed);
    if (!failed && !editing) {
      setName('');
      setSecret('');
    }
  };

  return (
    <form className="settings-form staff-form" onSubmit={(event) => void submit(event)}>
      <NameField id={`${prefix}-name`} label={t('staff.name')} value={name} onValue={setName} />
      <LocaleField id={`${prefix}-locale`} label={t('staff.language')} value={locale} onValue={setLocale} />
      <RoleField id={`${prefix}-role`} value={role} onValue={setRole} />
      {needsSecret && (
        <SecretField
          id={`${prefix}-secret`}
          label={t(usesPin(role) ? 'staff.pin' : 'staff.password')}
          usesPin={usesPin(role)}
          value={secret}
          onValue={setSecret}
        />
      )}
      {error && <ErrorAlert error={error} />}
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('staff.cancel')}
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={!ready || busy}>
          {t(editing ? 'staff.save' : 'staff.create')}
        </button>
      </div>
    </form>
  );
}
