import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import { ROLES, type Role } from '../../../../shared/domain/roles';
import { useLocale } from '../../i18n';
import { useSession } from '../staff/session-context';
import { GUIDES } from './guides';

/**
 * The user guide of each role, in the screen's language: the signed-in person's own role first, the
 * others a tap away. The guides are Markdown shipped with the app; react-markdown turns them into
 * elements and never passes raw HTML through.
 */
export function HelpScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  // Without a person (a station without sessions) the administrator's guide covers the most.
  const own: Role = useSession()?.view?.staff?.role ?? 'administrator';
  const [shown, setShown] = useState<Role>(own);
  const others = ROLES.filter((role) => role !== own);
  const choice = (role: Role) => (
    <button key={role} type="button" aria-pressed={shown === role} onClick={() => setShown(role)}>
      {t(`help.roles.${role}`)}
    </button>
  );
  return (
    <main className="help">
      <nav className="help-roles" aria-label={t('help.title')}>
        <h2>{t('help.yourGuide')}</h2>
        {choice(own)}
        <h2>{t('help.otherGuides')}</h2>
        {others.map(choice)}
      </nav>
      <article className="help-guide" lang={locale} data-testid="help-guide" data-role={shown}>
        <Markdown>{GUIDES[shown][locale]}</Markdown>
      </article>
    </main>
  );
}
