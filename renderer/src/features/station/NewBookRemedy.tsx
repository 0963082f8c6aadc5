import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, LiveDatabaseFile, NewBookView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * The new-book remedy, in two steps: what happens to the old file is said first, and the
 * administrator types the file's name to confirm (the station checks the same).
 */
export function NewBookRemedy({
  databaseFile,
  onDone,
}: {
  databaseFile: LiveDatabaseFile;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [done, setDone] = useState<NewBookView | null>(null);
  const start = async () => {
    setBusy(true);
    const answer = await call('station.startNewBook', { databaseFile, typedConfirmation: typed });
    setBusy(false);
    setError(answer.ok ? null : answer.error);
    if (!answer.ok) return;
    setDone(answer.value);
    onDone();
  };
  const aside = `${databaseFile.replace(/\.sqlite$/, '')}-replaced-….sqlite`;
  return (
    <section className="settings-section" aria-labelledby="new-book-title">
      <h2 id="new-book-title">{t('refused.newBook.title')}</h2>
      <p className="muted">{t('refused.newBook.explained')}</p>
      {error && <ErrorAlert error={error} />}
      {done && <p role="status">{t('refused.newBook.done', { number: done.nextZNumber })}</p>}
      {!confirming ? (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('refused.newBook.start')}
        </button>
      ) : (
        <div className="restore-confirm" role="alertdialog" aria-labelledby="new-book-confirm">
          <p id="new-book-confirm">{t('refused.newBook.confirm', { file: databaseFile, aside })}</p>
          <div className="settings-form">
            <label htmlFor="new-book-typed">
              {t('refused.newBook.typeToConfirm', { file: databaseFile })}
            </label>
            <input
              id="new-book-typed"
              value={typed}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger"
              disabled={busy || typed.trim() !== databaseFile}
              onClick={() => void start()}
            >
              {t('refused.newBook.go')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
              {t('refused.newBook.back')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
