import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { usesPin } from '../../../../shared/domain/roles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SecretField, secretMeetsRule } from './SecretField';
import type { StaffView } from './staff-api';

interface Props {
  person: StaffView;
  onSubmit: (secret: string) => Promise<ContractError | null>;
  onCancel: () => void;
}

/** A forgotten PIN or password: the administrator types a new one for the person. */
export function SecretForm({ person, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const pin = usesPin(person.role);
  const ready = secretMeetsRule(pin, secret) && !busy;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    const failed = await onSubmit(secret);
    setBusy(false);
    setError(failed);
  };

  return (
    <form className="settings-form staff-form" onSubmit={(event) => void submit(event)}>
      <SecretField
        id={`staff-secret-${person.id}`}
        label={t(pin ? 'staff.pin' : 'staff.password')}
        usesPin={pin}
        value={secret}
        onValue={setSecret}
      />
      {error && <ErrorAlert error={error} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('staff.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={!ready}>
          {t('staff.save')}
        </button>
      </div>
    </form>
  );
}
