import { useTranslation } from 'react-i18next';
import { navigate, routeHref, useRoute } from '../../routes';
import { useSession } from '../staff/session-context';
import { useInboxCount } from './use-inbox-count';

/** The header's way into the inbox, with the person's unread count. */
export function InboxLink() {
  const { t } = useTranslation();
  const current = useRoute();
  const view = useSession()?.view;
  // Without sessions at all (no view) the station window's own person has an inbox too.
  const person = view === undefined || view === null ? 'station' : (view.staff?.id ?? null);
  const unread = useInboxCount(person);
  // No inbox here: nobody is signed in, or it is a customer display's own session.
  if (unread === null) return null;
  return (
    <a
      className="inbox-link"
      data-testid="inbox-link"
      href={routeHref('inbox', window.location)}
      aria-current={current === 'inbox' ? 'page' : undefined}
      aria-label={t('inbox.linkLabel', { count: unread })}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate('inbox');
      }}
    >
      {t('inbox.title')}
      {unread > 0 && (
        <span className="inbox-count" data-testid="inbox-count">
          {unread}
        </span>
      )}
    </a>
  );
}
