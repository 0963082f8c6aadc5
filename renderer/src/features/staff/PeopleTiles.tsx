import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import { formatClock, formatLeft, isLocked } from './lock-time';
import type { SessionPerson } from './staff-api';
import { useNow } from './use-now';

/** One big tile per person who may sign in here; a locked person is shown locked, with the time left. */
export function PeopleTiles({
  people,
  onPick,
}: {
  people: SessionPerson[];
  onPick: (person: SessionPerson) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(people.some((person) => person.lockedUntil !== null));
  if (people.length === 0) return <p className="muted">{t('signIn.noPeople')}</p>;
  return (
    <ul className="people-tiles" aria-label={t('signIn.people')}>
      {people.map((person) => {
        const locked = isLocked(person.lockedUntil, now);
        return (
          <li key={person.id}>
            <button
              type="button"
              className={locked ? 'person-tile person-tile-locked' : 'person-tile'}
              disabled={locked}
              onClick={() => onPick(person)}
            >
              <span className="person-name">{person.name}</span>
              <span className="person-role">{t(`staff.roles.${person.role}`)}</span>
              {locked && person.lockedUntil !== null && (
                <span className="person-lock">
                  {t('signIn.locked', { time: formatClock(person.lockedUntil, locale) })}
                  <span className="person-lock-left">
                    {t('signIn.lockedLeft', { left: formatLeft(person.lockedUntil - now) })}
                  </span>
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
