import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/contract';
import { LOCALES, type Locale } from '../../../shared/domain/money';
import { allows } from '../../../shared/domain/roles';
import { callerRights, mayOpen } from '../features/staff/session-rights';
import { useSession } from '../features/staff/session-context';
import { languagePerson, useOwnLocaleChange } from '../features/staff/use-person-language';
import { SessionChip } from '../features/staff/SessionChip';
import { UnlinkDeviceButton } from '../features/devices/UnlinkDeviceButton';
import { InboxLink } from '../features/inbox/InboxLink';
import { useLocale } from '../i18n';
import { ROUTES, navigate, routeHref, useRoute, type Route } from '../routes';
import { ErrorAlert } from './ErrorAlert';
import { useStation } from './station-context';

export function Header() {
  const { t } = useTranslation();
  const { mode } = useStation();
  return (
    <header className="app-header">
      <div className="app-header-bar">
        <span className="app-name">{t('app.name')}</span>
        <Nav />
        <InboxLink />
        <SessionChip />
        <UnlinkDeviceButton />
        <HelpLink />
        <LanguageSwitch />
      </div>
      {mode === 'training' && (
        <p className="training-banner" data-testid="training-banner">
          {t('app.training')}
        </p>
      )}
    </header>
  );
}

function Nav() {
  const { t } = useTranslation();
  const current = useRoute();
  // Hide what this person's role cannot open; the station refuses the calls anyway.
  const rights = callerRights(useSession()?.view ?? null);
  const onClick = (route: Route) => (event: React.MouseEvent<HTMLAnchorElement>) => {
    // Let the browser handle new-tab clicks; a plain click switches screens without a reload.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(route);
  };
  return (
    <nav className="app-nav" aria-label={t('app.nav')}>
      {ROUTES.filter((route) => mayOpen(route, rights)).map((route) => (
        <a
          key={route}
          href={routeHref(route, window.location)}
          aria-current={route === current ? 'page' : undefined}
          onClick={onClick(route)}
        >
          {t(`nav.${route}`)}
        </a>
      ))}
    </nav>
  );
}

/** The user guide, for everyone signed in: their own role's first. */
function HelpLink() {
  const { t } = useTranslation();
  const current = useRoute();
  return (
    <a
      className="help-link"
      href={routeHref('help', window.location)}
      aria-current={current === 'help' ? 'page' : undefined}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate('help');
      }}
    >
      {t('help.open')}
    </a>
  );
}

/**
 * NL / FR / EN. `keepLocal`: where the station may not store the choice (a refused start whose broken
 * file is the settings), the screen still switches and nothing is said about the store.
 */
export function LanguageSwitch({ keepLocal = false }: { keepLocal?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { changeLocale } = useStation();
  const session = useSession();
  const changeOwn = useOwnLocaleChange(session);
  // A person signed in keeps the choice as their own language. Without one (a station without
  // sessions, the training administrator) it is the station's language, an administrator's to set.
  const person = keepLocal ? null : languagePerson(session?.view ?? null, session?.signedOut ?? false);
  const rights = callerRights(session?.view ?? null);
  const store = rights === null || allows(rights, 'administer');
  const choose = (lng: Locale) => (person ? changeOwn(lng) : changeLocale(lng, store));
  const [error, setError] = useState<ContractError | null>(null);
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LOCALES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          title={t(`languages.${lng}`)}
          aria-pressed={lng === locale}
          onClick={() => void choose(lng).then((failed) => setError(keepLocal ? null : failed))}
        >
          {lng.toUpperCase()}
        </button>
      ))}
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
