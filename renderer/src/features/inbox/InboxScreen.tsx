import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { InboxMessageView, InboxView } from '../../../../shared/contract/inbox-methods';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { navigate } from '../../routes';
import { formatMoment } from '../till/format-time';
import { inboxText } from './inbox-text';
import { INBOX_READ_EVENT } from './use-inbox-count';

type Loaded =
  { kind: 'loading' } | { kind: 'error'; error: ContractError } | { kind: 'view'; view: InboxView };

function useInbox() {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const reload = useCallback(() => {
    void call('inbox.list', {}).then((result) =>
      setLoaded(result.ok ? { kind: 'view', view: result.value } : { kind: 'error', error: result.error }),
    );
  }, []);
  useEffect(reload, [reload]);
  useStationEvents(reload, reload);
  return { loaded, reload };
}

/** The station's messages to the signed-in person: what needs them, and where to act on it. */
export function InboxScreen() {
  const { t } = useTranslation();
  const { loaded, reload } = useInbox();
  const [error, setError] = useState<ContractError | null>(null);
  const mark = async (work: Promise<{ ok: boolean; error?: ContractError }>) => {
    const result = await work;
    setError(result.ok ? null : (result.error ?? null));
    window.dispatchEvent(new Event(INBOX_READ_EVENT));
    reload();
  };
  const view = loaded.kind === 'view' ? loaded.view : null;
  return (
    <main className="inbox-screen" aria-labelledby="inbox-title">
      <div className="inbox-head">
        <h1 id="inbox-title">{t('inbox.title')}</h1>
        {view && view.unread > 0 && (
          <button type="button" onClick={() => void mark(call('inbox.markAllRead', {}))}>
            {t('inbox.markAllRead')}
          </button>
        )}
      </div>
      {loaded.kind === 'loading' && <p aria-busy="true">{t('app.loading')}</p>}
      {loaded.kind === 'error' && <ErrorAlert error={loaded.error} />}
      {error && <ErrorAlert error={error} />}
      {view && view.messages.length === 0 && <p className="inbox-empty">{t('inbox.empty')}</p>}
      {view && view.messages.length > 0 && (
        <ul className="inbox-list">
          {view.messages.map((message) => (
            <InboxItem
              key={message.key}
              message={message}
              onRead={() => void mark(call('inbox.markRead', { key: message.key }))}
            />
          ))}
        </ul>
      )}
    </main>
  );
}

function InboxItem({ message, onRead }: { message: InboxMessageView; onRead: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const state = message.read ? 'read' : 'unread';
  return (
    <li className={`inbox-message inbox-${message.severity} inbox-${state}`} data-testid="inbox-message">
      <div className="inbox-message-text">
        <span className="inbox-state">{t(`inbox.state.${state}`)}</span>
        <p>{inboxText(t, message, locale)}</p>
        <time dateTime={message.at}>{formatMoment(message.at, locale)}</time>
      </div>
      <div className="inbox-actions">
        <button type="button" onClick={() => navigate(message.link)}>
          {t('inbox.open', { screen: t(`nav.${message.link}`) })}
        </button>
        {!message.read && (
          <button type="button" onClick={onRead}>
            {t('inbox.markRead')}
          </button>
        )}
      </div>
    </li>
  );
}
