import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSession } from './session-context';
import { call } from '../../api/client';

/** The station's bounds (staff.setIdleLock): a lock is always on, and at most four hours away. */
const MIN_IDLE_MINUTES = 1;
const MAX_IDLE_MINUTES = 240;

/** How long a device may sit untouched before it signs its person out. */
export function IdleLockForm() {
  const { t } = useTranslation();
  const session = useSession();
  const [minutes, setMinutes] = useState(String(session?.view?.idleLockMinutes ?? ''));
  const [error, setError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState(false);
  const value = Number(minutes);
  const valid = /^\d{1,3}$/.test(minutes) && value >= MIN_IDLE_MINUTES && value <= MAX_IDLE_MINUTES;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const result = await call('staff.setIdleLock', { minutes: value });
    setSaved(result.ok);
    setError(result.ok ? null : result.error);
    // Every device reads the new time with its next session.get; this one at once.
    if (result.ok) await session?.refresh();
  };

  return (
    <form className="settings-form staff-idle" onSubmit={(event) => void submit(event)}>
      <h2>{t('staff.idleLock')}</h2>
      <label htmlFor="staff-idle-minutes">{t('staff.minutes')}</label>
      <p className="muted field-hint" id="staff-idle-hint">
        {t('staff.idleLockHint')}
      </p>
      <input
        id="staff-idle-minutes"
        inputMode="numeric"
        aria-describedby="staff-idle-hint"
        aria-invalid={!valid || undefined}
        value={minutes}
        onChange={(event) => {
          setMinutes(event.target.value.trim());
          setSaved(false);
        }}
      />
      {error && <ErrorAlert error={error} />}
      {saved && (
        <p className="ok" role="status">
          {t('staff.saved')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!valid}>
          {t('staff.save')}
        </button>
      </div>
    </form>
  );
}
