import { LanguageSwitch } from '../../components/Header';
import { useTranslation } from 'react-i18next';
import { LIVE_DATABASE_FILES, type LiveDatabaseFile, type StationRefusal } from '../../../../shared/contract';
import { RestoreChooser } from '../backups/RestoreChooser';
import { NewBookRemedy } from './NewBookRemedy';

/**
 * Shown instead of every screen while the station refuses to start: which file, what is wrong with
 * it, and the ways out (restore a backup, start a new book, or fix the named file). Until staff and
 * roles exist, whoever opens the UI is the administrator.
 */
export function RefusedScreen({ refusal, onRecheck }: { refusal: StationRefusal; onRecheck: () => void }) {
  const { t } = useTranslation();
  const words = { file: refusal.fileName, field: refusal.field ?? '' };
  return (
    <main className="refused settings" aria-labelledby="refused-title">
      <LanguageSwitch keepLocal />
      <h1 id="refused-title">{t('refused.title')}</h1>
      <p className="alert" role="alert">
        {t(`refused.problem.${refusal.problem}`, words)}
      </p>
      <p className="muted">{t('refused.intro')}</p>
      <dl className="settings-list refused-facts">
        <dt>{t('refused.file')}</dt>
        <dd>
          <code>{refusal.file}</code>
        </dd>
        <dt>{t('refused.details')}</dt>
        <dd>{refusal.detail}</dd>
      </dl>
      <h2>{t('refused.remediesTitle')}</h2>
      <Remedies refusal={refusal} onRecheck={onRecheck} />
      <button type="button" className="button" onClick={onRecheck}>
        {t('refused.checkAgain')}
      </button>
    </main>
  );
}

function Remedies({ refusal, onRecheck }: { refusal: StationRefusal; onRecheck: () => void }) {
  const { t } = useTranslation();
  const words = { file: refusal.fileName, field: refusal.field ?? '' };
  const book = liveBook(refusal.databaseFile);
  return (
    <>
      {refusal.remedies.includes('restore-backup') && (
        <RestoreChooser onRestored={onRecheck} databaseFile={refusal.databaseFile} />
      )}
      {refusal.remedies.includes('start-new-book') && book && (
        <NewBookRemedy databaseFile={book} onDone={onRecheck} />
      )}
      {refusal.remedies.includes('fix-field') && <p>{t('refused.remedy.fixField', words)}</p>}
      {refusal.remedies.includes('fix-file') && <p>{t('refused.remedy.fixFile', words)}</p>}
      {refusal.remedies.includes('make-writable') && <p>{t('refused.remedy.makeWritable', words)}</p>}
      {refusal.remedies.includes('enter-credentials') && <p>{t('refused.remedy.enterCredentials', words)}</p>}
    </>
  );
}

function liveBook(name: string | null): LiveDatabaseFile | null {
  return LIVE_DATABASE_FILES.find((file) => file === name) ?? null;
}
