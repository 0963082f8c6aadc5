import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../../shared/contract';
import { useLocale } from '../../i18n';
import { formatMoment } from '../till/format-time';
import { actionLabel } from './action-label';
import { detailLines } from './audit-filters';

/** One page of entries, newest first. */
export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p data-testid="no-audit-entries">{t('audit.none')}</p>;
  const columns = ['at', 'action', 'outcome', 'person', 'device', 'subject', 'detail'] as const;
  return (
    <div className="table-scroll">
      <table className="audit-table" aria-labelledby="audit-title">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t(`audit.column.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <AuditRow key={entry.seq} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditRow({ entry }: { entry: AuditEntryView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { repeated, minute, ...rest } = entry.detail;
  const lines = detailLines(rest);
  return (
    <tr data-seq={entry.seq} data-outcome={entry.outcome} className={`audit-${entry.outcome}`}>
      <td>
        <time dateTime={entry.at}>{formatMoment(entry.at, locale, { seconds: true, now: new Date(0) })}</time>
        {entry.mode && entry.mode !== 'live' && (
          <span className="audit-mode"> {t(`audit.mode.${entry.mode}`, { defaultValue: entry.mode })}</span>
        )}
      </td>
      <td>
        {actionLabel(t, entry.action)}
        <br />
        <code className="muted">{entry.action}</code>
      </td>
      <td>
        {t(`audit.outcomes.${entry.outcome}`)}
        {typeof repeated === 'number' && (
          <div className="muted">{t('audit.repeated', { count: repeated })}</div>
        )}
      </td>
      <td>{entry.staff?.name ?? '—'}</td>
      <td>{entry.device?.name ?? '—'}</td>
      <td className="audit-subject">{entry.subject ?? '—'}</td>
      <td className="audit-detail">
        {lines.map((line) => (
          <div key={line}>{line}</div>
        ))}
        {minute !== undefined && lines.length === 0 && '—'}
      </td>
    </tr>
  );
}
