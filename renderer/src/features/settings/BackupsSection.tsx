import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { BackupStatusView, BackupView } from '../../../../shared/contract/backup-methods';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { formatMoment } from '../till/format-time';
import { BackupFolderForm, BackupIntervalForm } from './BackupSettingsForms';
import { BackupFailure } from './BackupWarning';
import { useBackupStatus, useRecentBackups } from './use-backup-status';

/**
 * Settings → Backups: where the copies of the books go and how often, the pruning rule, the newest
 * backups, Back up now, and a warning the manager cannot miss when the last backup failed.
 */
export function BackupsSection() {
  const { t } = useTranslation();
  const { status, setStatus, error } = useBackupStatus();
  return (
    <section className="settings-section backups" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('backups.title')}</h2>
      <p className="muted">{t('backups.explained')}</p>
      {error && <ErrorAlert error={error} />}
      {!status && !error && <p className="muted">{t('app.loading')}</p>}
      {status && (
        <>
          <BackupFailure status={status} />
          <LastBackup status={status} />
          <RunNow running={status.running} />
          <BackupFolderForm status={status} onSaved={setStatus} />
          <BackupIntervalForm status={status} onSaved={setStatus} />
          <p className="muted" data-testid="backup-pruning">
            {t('backups.pruning')}
          </p>
          <RecentBackups status={status} />
        </>
      )}
    </section>
  );
}

function LastBackup({ status }: { status: BackupStatusView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const last = status.lastBackup;
  if (!last) return <p data-testid="last-backup">{t('backups.none')}</p>;
  const when = formatMoment(last.takenAt, locale);
  return (
    <p data-testid="last-backup">
      {t('backups.last', { when, reason: t(`backups.reasons.${last.reason}`) })}
    </p>
  );
}

type RunOutcome = { kind: 'done'; file: string } | { kind: 'error'; error: ContractError } | null;

function RunNow({ running }: { running: boolean }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<RunOutcome>(null);
  const run = () => {
    setBusy(true);
    setOutcome(null);
    void call('backups.runNow', {}).then((result) => {
      setBusy(false);
      setOutcome(
        result.ok ? { kind: 'done', file: result.value.fileName } : { kind: 'error', error: result.error },
      );
    });
  };
  return (
    <div className="form-actions">
      <button type="button" className="button button-primary" disabled={busy} onClick={run}>
        {busy || running ? t('backups.running') : t('backups.runNow')}
      </button>
      {outcome?.kind === 'done' && <p role="status">{t('backups.done', { file: outcome.file })}</p>}
      {outcome?.kind === 'error' && <ErrorAlert error={outcome.error} />}
    </div>
  );
}

function RecentBackups({ status }: { status: BackupStatusView }) {
  const { t } = useTranslation();
  const { backups, error } = useRecentBackups(status);
  if (error) return <ErrorAlert error={error} />;
  if (!backups || backups.length === 0) return null;
  return (
    <table className="backups-list" aria-label={t('backups.recent')}>
      <caption>{t('backups.recent')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('backups.when')}</th>
          <th scope="col">{t('backups.reason')}</th>
          <th scope="col">{t('backups.database')}</th>
          <th scope="col" className="numeric">
            {t('backups.size')}
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => (
          <BackupRow key={backup.fileName} backup={backup} />
        ))}
      </tbody>
    </table>
  );
}

function BackupRow({ backup }: { backup: BackupView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const database = backup.databaseFile as 'kassa.sqlite' | 'preprod.sqlite' | 'training.sqlite';
  return (
    <tr title={backup.fileName}>
      <td>{formatMoment(backup.takenAt, locale)}</td>
      <td>{t(`backups.reasons.${backup.reason}`)}</td>
      <td>{t(`backups.databases.${database}`, { defaultValue: backup.databaseFile })}</td>
      <td className="numeric">{megabytes(backup.sizeBytes, locale)}</td>
    </tr>
  );
}

function megabytes(bytes: number, locale: string): string {
  const value = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1_000_000);
  return `${value} MB`;
}
