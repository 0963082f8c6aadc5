import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, PrintJobView, TopupProfileChoice } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import {
  batchInput,
  draftProblem,
  EMPTY_DRAFT,
  outsideSepa,
  type BatchDraft,
  type DraftProblem,
} from './batch-form';
import { AmountFields, LayoutFields, LogoField } from './BatchFormFields';

function useTopupProfiles(): TopupProfileChoice[] {
  const [profiles, setProfiles] = useState<TopupProfileChoice[]>([]);
  useEffect(() => {
    void call('topup.listProfiles', {}).then((result) => result.ok && setProfiles(result.value));
  }, []);
  return profiles;
}

/** The organiser's print order: how many codes, which amount rule, what they say, on which media. */
export function BatchForm({ onStarted }: { onStarted: (job: PrintJobView) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const profiles = useTopupProfiles();
  const [draft, setDraft] = useState<BatchDraft>(EMPTY_DRAFT);
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<BatchDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = draftProblem(draft);
    setProblem(found);
    setError(null);
    if (found || busy) return;
    setBusy(true);
    const result = await call('topup.createBatch', batchInput(draft, locale));
    setBusy(false);
    if (result.ok) onStarted(result.value.job);
    else setError(result.error);
  };

  return (
    <form
      className="batch-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="batch-form-title"
    >
      <h2 id="batch-form-title">{t('topup.batch.title')}</h2>
      <AmountFields draft={draft} set={set} profiles={profiles} />
      <label htmlFor="batch-description">{t('topup.batch.description')}</label>
      <input
        id="batch-description"
        maxLength={35}
        value={draft.description}
        onChange={(e) => set({ description: e.target.value })}
      />
      <label htmlFor="batch-event">{t('topup.batch.eventName')}</label>
      <input id="batch-event" value={draft.eventName} onChange={(e) => set({ eventName: e.target.value })} />
      <LayoutFields draft={draft} set={set} />
      <LogoField onLogo={(logoDataUrl) => set({ logoDataUrl })} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.legacyHost}
          onChange={(e) => set({ legacyHost: e.target.checked })}
        />
        {t('topup.batch.legacyHost')}
      </label>
      {problem && (
        <p className="alert" role="alert">
          {t(`topup.problems.${problem}`, { characters: outsideSepa(draft.description).join(' ') })}
        </p>
      )}
      {error && <ErrorAlert error={error} />}
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
        {t('topup.batch.print')}
      </button>
    </form>
  );
}
