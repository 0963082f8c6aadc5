import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { MAX_RETRIES } from '../../../../shared/contract/charge-methods';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/** A wait as people say it: whole days, else whole hours, else minutes, in the screen's language. */
export function waitText(minutes: number, locale: string): string {
  const [value, unit] =
    minutes % 1440 === 0
      ? [minutes / 1440, 'day']
      : minutes % 60 === 0
        ? [minutes / 60, 'hour']
        : [minutes, 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** The policy as the station keeps it, the screen's draft of it, and saving. */
function useRetryPolicy() {
  const [delays, setDelays] = useState<string[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void call('charges.retryPolicy', {}).then((result) => {
      if (result.ok) setDelays(result.value.delaysMinutes.map(String));
      else setError(result.error);
    });
  }, []);
  const change = (next: string[]) => {
    setDelays(next);
    setSaved(false);
  };
  const save = async (list: string[]) => {
    setBusy(true);
    const result = await call('charges.setRetryPolicy', { delaysMinutes: list.map((d) => Number(d)) });
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) setDelays(result.value.delaysMinutes.map(String));
    setSaved(result.ok);
  };
  return { delays, error, saved, busy, change, save };
}

/**
 * How a failed charge on a payment agreement is tried again (charges.retryPolicy): managers read it,
 * an administrator changes it. The station checks every wait; its refusal names the field.
 */
export function ChargeRetrySection({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { delays, error, saved, busy, change, save } = useRetryPolicy();
  return (
    <section className="settings-section" aria-labelledby="charges-title" data-testid="charge-retries">
      <h2 id="charges-title">{t('charges.title')}</h2>
      <p className="muted">{t('charges.explained')}</p>
      {delays && delays.length === 0 && <p>{t('charges.none')}</p>}
      {delays && delays.length > 0 && (
        <ol className="charge-retries" aria-label={t('charges.tries')}>
          {delays.map((delay, index) => (
            <WaitRow
              key={index}
              {...{ index, delay, editable }}
              onChange={(value) => change(delays.map((d, i) => (i === index ? value : d)))}
              onRemove={() => change(delays.filter((_, i) => i !== index))}
            />
          ))}
        </ol>
      )}
      {delays && editable && (
        <div className="form-actions">
          {delays.length < MAX_RETRIES && (
            <button type="button" className="button" onClick={() => change([...delays, '60'])}>
              {t('charges.add')}
            </button>
          )}
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void save(delays)}
          >
            {t('charges.save')}
          </button>
        </div>
      )}
      {delays && !editable && <p className="muted">{t('charges.readOnly')}</p>}
      {saved && <p role="status">{t('charges.saved')}</p>}
      {error && <ErrorAlert error={error} />}
    </section>
  );
}

interface WaitRowProps {
  index: number;
  delay: string;
  editable: boolean;
  onChange: (value: string) => void;
  onRemove: () => void;
}

function WaitRow({ index, delay, editable, onChange, onRemove }: WaitRowProps) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <label>
        {t('charges.try', { number: index + 1 })}{' '}
        <input
          type="number"
          inputMode="numeric"
          min={1}
          value={delay}
          readOnly={!editable}
          onChange={(event) => onChange(event.target.value)}
        />{' '}
        {t('charges.minutes')}
      </label>{' '}
      <span className="muted">
        {Number(delay) > 0 && t('charges.duration', { text: waitText(Number(delay), i18n.language) })}
      </span>{' '}
      {editable && (
        <button type="button" className="button" onClick={onRemove}>
          {t('charges.remove', { number: index + 1 })}
        </button>
      )}
    </li>
  );
}
