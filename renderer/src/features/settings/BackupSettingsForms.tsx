import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Result } from '../../../../shared/contract';
import type { BackupStatusView } from '../../../../shared/contract/backup-methods';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HintedInput } from './HintedInput';

type Outcome =
  { kind: 'saved' } | { kind: 'error'; error: ContractError } | { kind: 'problem'; text: string } | null;

/** An absolute path on Linux and macOS (/…) or Windows (D:\… or \\server\…). */
const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

interface FormProps {
  status: BackupStatusView;
  onSaved: (status: BackupStatusView) => void;
}

function useSave(onSaved: (status: BackupStatusView) => void) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const save = (send: () => Promise<Result<BackupStatusView>>) => {
    setBusy(true);
    setOutcome(null);
    void send().then((result) => {
      setBusy(false);
      if (result.ok) onSaved(result.value);
      setOutcome(result.ok ? { kind: 'saved' } : { kind: 'error', error: result.error });
    });
  };
  return { busy, outcome, setOutcome, save };
}

function Outcome({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if (outcome?.kind === 'saved') return <p role="status">{t('backups.saved')}</p>;
  if (outcome?.kind === 'error') return <ErrorAlert error={outcome.error} />;
  if (outcome?.kind === 'problem')
    return (
      <p className="alert" role="alert">
        {outcome.text}
      </p>
    );
  return null;
}

/** The folder: typed as an absolute path; the station checks it can create and write it before keeping it. */
export function BackupFolderForm({ status, onSaved }: FormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(status.folderIsDefault ? '' : status.folder);
  const { busy, outcome, setOutcome, save } = useSave(onSaved);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const folder = draft.trim() === '' ? null : draft.trim();
    if (folder !== null && !ABSOLUTE.test(folder))
      return setOutcome({ kind: 'problem', text: t('backups.folderNotAbsolute') });
    if (!busy) save(() => call('backups.setFolder', { folder }));
  };
  const useDefault = () => {
    setDraft('');
    save(() => call('backups.setFolder', { folder: null }));
  };
  return (
    <form className="settings-form" onSubmit={submit} noValidate>
      <HintedInput
        id="backup-folder"
        label={t('backups.folder')}
        hint={t('backups.folderHint')}
        type="text"
        spellCheck={false}
        placeholder={status.folderIsDefault ? status.folder : undefined}
        value={draft}
        onValue={setDraft}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('backups.saveFolder')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || status.folderIsDefault}
          onClick={useDefault}
        >
          {t('backups.useDefault')}
        </button>
      </div>
      <Outcome outcome={folderOutcome(outcome, t('backups.folderRefused'))} />
    </form>
  );
}

/** The station checked the folder and refused it (INVALID_INPUT): say so in this form's words. */
function folderOutcome(outcome: Outcome, refused: string): Outcome {
  if (outcome?.kind === 'error' && outcome.error.code === 'INVALID_INPUT')
    return { kind: 'problem', text: refused };
  return outcome;
}

/** Minutes between backups while something changes: a whole number from 1 to 1440, checked here first. */
export function BackupIntervalForm({ status, onSaved }: FormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(String(status.intervalMinutes));
  const { busy, outcome, setOutcome, save } = useSave(onSaved);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minutes = /^\d{1,4}$/.test(draft.trim()) ? Number(draft.trim()) : NaN;
    if (!(minutes >= 1 && minutes <= 1440))
      return setOutcome({ kind: 'problem', text: t('backups.intervalProblem') });
    if (!busy) save(() => call('backups.setInterval', { intervalMinutes: minutes }));
  };
  return (
    <form className="settings-form" onSubmit={submit} noValidate>
      <HintedInput
        id="backup-interval"
        label={t('backups.interval')}
        hint={t('backups.intervalHint')}
        type="text"
        inputMode="numeric"
        invalid={outcome?.kind === 'problem'}
        value={draft}
        onValue={setDraft}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('backups.saveInterval')}
        </button>
      </div>
      <Outcome outcome={outcome} />
    </form>
  );
}
