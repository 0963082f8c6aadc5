import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { isValidPin } from '../../../../shared/domain/roles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { formatClock } from './lock-time';
import { MAX_PIN_DIGITS, PinPad } from './PinPad';
import type { SessionPerson, SessionView } from './staff-api';
import { call } from '../../api/client';

interface Props {
  person: SessionPerson;
  onSignedIn: (view: SessionView) => void;
  /** A wrong try or a lock changed what the tiles should show. */
  onRefused: () => void;
  onBack: () => void;
}

/** A cashier's PIN on big keys, or anyone else's password; then session.signIn. */
export function SecretEntry({ person, onSignedIn, onRefused, onBack }: Props) {
  const { t } = useTranslation();
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const ready = person.usesPin ? isValidPin(secret) : secret.length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    const result = await call('session.signIn', { staffId: person.id, secret });
    setBusy(false);
    if (result.ok) return onSignedIn(result.value);
    setSecret('');
    setError(result.error);
    onRefused();
  };

  const fieldId = `secret-${person.id}`;
  const title = t(person.usesPin ? 'signIn.pinFor' : 'signIn.passwordFor', { name: person.name });
  return (
    <form className="secret-entry" onSubmit={(event) => void submit(event)}>
      <label htmlFor={fieldId} className="secret-title">
        {title}
      </label>
      <input
        id={fieldId}
        className="secret-input"
        type="password"
        autoComplete="off"
        inputMode={person.usesPin ? 'numeric' : undefined}
        maxLength={person.usesPin ? MAX_PIN_DIGITS : undefined}
        // A tablet's own keyboard would cover the PIN keys; a password needs a keyboard anyway.
        autoFocus={!person.usesPin}
        value={secret}
        onChange={(event) =>
          setSecret(person.usesPin ? event.target.value.replace(/\D/g, '') : event.target.value)
        }
      />
      {person.usesPin && <PinPad pin={secret} onPin={setSecret} disabled={busy} />}
      {error && <SignInRefusal error={error} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={onBack}>
          {t('signIn.back')}
        </button>
        <button type="submit" className="button button-primary" disabled={!ready || busy}>
          {t('signIn.submit')}
        </button>
      </div>
    </form>
  );
}

/** The translated refusal, plus what the person can do about it: tries left, or the lock's end. */
function SignInRefusal({ error }: { error: ContractError }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <ErrorAlert error={error} />
      {error.code === 'WRONG_SECRET' && error.attemptsLeft !== undefined && (
        <p className="sign-in-detail">{t('signIn.attemptsLeft', { count: error.attemptsLeft })}</p>
      )}
      {error.code === 'STAFF_LOCKED' && error.lockedUntil !== undefined && (
        <p className="sign-in-detail">
          {t('signIn.lockedNow', { time: formatClock(error.lockedUntil, locale) })}
        </p>
      )}
    </>
  );
}
