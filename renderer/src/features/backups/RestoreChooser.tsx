import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { BackupView } from '../../../../shared/contract/backup-methods';
import type { RestoreResultView } from '../../../../shared/contract/restore-methods';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { formatMoment } from '../till/format-time';
import { RecoveredPanel } from './RecoveredPanel';

type Listing =
  { kind: 'loading' } | { kind: 'error'; error: ContractError } | { kind: 'list'; items: BackupView[] };

function useBackups() {
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const reload = useCallback(() => {
    void call('backups.list', { limit: 50 }).then((result) =>
      setListing(result.ok ? { kind: 'list', items: result.value } : { kind: 'error', error: result.error }),
    );
  }, []);
  useEffect(reload, [reload]);
  return { listing, reload };
}

/**
 * Pick a backup from the backup folder, read what restoring it does (what comes back by itself and
 * what cannot), restore it, and see the result and what its gap brought back. Used in Settings and on
 * the refusal screen, where a restore is one of the two ways out.
 */
export function RestoreChooser({
  onRestored,
  databaseFile,
}: {
  onRestored?: () => void;
  /** Only the backups of this database (the refusal screen names the one it could not open). */
  databaseFile?: string | null;
} = {}) {
  const { t } = useTranslation();
  const { listing, reload } = useBackups();
  const [chosen, setChosen] = useState<BackupView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [result, setResult] = useState<RestoreResultView | null>(null);
  const restore = async (backup: BackupView) => {
    setBusy(true);
    const answer = await call('backups.restore', { fileName: backup.fileName });
    setBusy(false);
    setChosen(null);
    setError(answer.ok ? null : answer.error);
    setResult(answer.ok ? answer.value : null);
    reload();
    // The refusal screen checks the station again: a restore that repaired the book ends the refusal.
    if (answer.ok) onRestored?.();
  };
  return (
    <section className="settings-section" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('restore.title')}</h2>
      <p className="muted">{t('restore.explained')}</p>
      {error && <RestoreError error={error} />}
      {result && <RestoreDone result={result} />}
      {chosen ? (
        <ConfirmRestore
          backup={chosen}
          busy={busy}
          onConfirm={() => void restore(chosen)}
          onBack={() => setChosen(null)}
        />
      ) : (
        <>
          {listing.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
          {listing.kind === 'error' && <ErrorAlert error={listing.error} />}
          {listing.kind === 'list' && (
            <BackupTable
              items={listing.items.filter((b) => !databaseFile || b.databaseFile === databaseFile)}
              onChoose={setChosen}
            />
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={reload}>
              {t('restore.refresh')}
            </button>
          </div>
        </>
      )}
      <RecoveredPanel refreshKey={result?.restoredAt ?? ''} />
    </section>
  );
}

/** The station's reason (which file, what is wrong with it) follows the translated code. */
function RestoreError({ error }: { error: ContractError }) {
  return (
    <>
      <ErrorAlert error={error} />
      {error.code === 'BACKUP_INVALID' && <p className="muted restore-reason">{error.message}</p>}
    </>
  );
}

function BackupTable({ items, onChoose }: { items: BackupView[]; onChoose: (backup: BackupView) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (items.length === 0) return <p data-testid="no-backups">{t('restore.none')}</p>;
  return (
    <table className="backup-list" aria-labelledby="restore-title">
      <thead>
        <tr>
          <th scope="col">{t('restore.taken')}</th>
          <th scope="col">{t('restore.database')}</th>
          <th scope="col">{t('restore.reason')}</th>
          <th scope="col">{t('restore.size')}</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {items.map((backup) => (
          <tr key={backup.fileName} data-file={backup.fileName}>
            <td>
              <time dateTime={backup.takenAt}>{formatMoment(backup.takenAt, locale, { seconds: true })}</time>
            </td>
            <td>{backup.databaseFile}</td>
            <td>{t(`restore.reasons.${backup.reason}`)}</td>
            <td>{megabytes(backup.sizeBytes, locale)}</td>
            <td>
              <button type="button" className="button" onClick={() => onChoose(backup)}>
                {t('restore.choose')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ConfirmRestore(props: {
  backup: BackupView;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { backup, busy } = props;
  const database = backup.databaseFile;
  return (
    <div className="restore-confirm" role="alertdialog" aria-labelledby="restore-confirm-title">
      <p id="restore-confirm-title">
        <strong>{t('restore.confirmTitle', { database, time: formatMoment(backup.takenAt, locale) })}</strong>
      </p>
      <p>{t('restore.confirmKept', { database })}</p>
      <p>{t('restore.confirmRecovered')}</p>
      <p className="alert">{t('restore.confirmLost')}</p>
      <div className="form-actions">
        <button type="button" className="button button-danger" disabled={busy} onClick={props.onConfirm}>
          {busy ? t('restore.restoring') : t('restore.confirm')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={props.onBack}>
          {t('restore.back')}
        </button>
      </div>
    </div>
  );
}

function RestoreDone({ result }: { result: RestoreResultView }) {
  const { t } = useTranslation();
  return (
    <div className="restore-done" role="status">
      <p>{t('restore.done', { database: result.databaseFile, file: result.fromFile })}</p>
      {result.movedAside && <p>{t('restore.doneKept', { file: result.movedAside })}</p>}
      <p>{t('restore.nextZ', { number: result.lastZ + 1 })}</p>
      {result.lostZ && <p>{t('restore.lostZ', { numbers: zRange(result.lostZ) })}</p>}
    </div>
  );
}

/** `2`, or `2–4` for several. */
function zRange({ from, to }: { from: number; to: number }): string {
  return from === to ? String(from) : `${from}–${to}`;
}

function megabytes(bytes: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1_048_576)} MB`;
}
