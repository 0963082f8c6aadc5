import { useTranslation } from 'react-i18next';
import type { BackupStatusView } from '../../../../shared/contract/backup-methods';
import { useLocale } from '../../i18n';
import { formatMoment } from '../till/format-time';
import { useBackupStatus } from './use-backup-status';

/** The full warning in Settings → Backups: why and when the last backup failed, and what to do. */
export function BackupFailure({ status }: { status: BackupStatusView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const failure = status.lastFailure;
  if (!failure) return null;
  return (
    <p className="alert" role="alert" data-testid="backup-failed">
      {t('backups.failed', {
        reason: t(`backups.reasons.${failure.reason}`),
        when: formatMoment(failure.at, locale),
        message: failure.message,
      })}
    </p>
  );
}

/** On the Closing screen: a manager closing the day learns that the books are not being backed up. */
export function BackupWarning() {
  const { t } = useTranslation();
  const locale = useLocale();
  const failure = useBackupStatus().status?.lastFailure;
  if (!failure) return null;
  return (
    <p className="alert no-print" role="alert" data-testid="backup-failed">
      {t('backups.failedShort', { when: formatMoment(failure.at, locale) })}
    </p>
  );
}
