import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import { formatMoment } from '../till/format-time';
import { formatClock, isLocked } from './lock-time';
import type { StaffView } from './staff-api';
import { useNow } from './use-now';

/** What a row's buttons ask the screen to do; the screen confirms a delete and calls the station. */
export type StaffAction = 'edit' | 'secret' | 'block' | 'reactivate' | 'unlock' | 'delete';

interface Props {
  people: StaffView[];
  busy: boolean;
  onAction: (action: StaffAction, person: StaffView) => void;
}

export function StaffTable({ people, busy, onAction }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(people.some((person) => person.lockedUntil !== null));
  if (people.length === 0) return <p className="muted">{t('staff.empty')}</p>;
  return (
    <div className="staff-table-wrap">
      <table className="staff-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.name')}</th>
            <th scope="col">{t('staff.role')}</th>
            <th scope="col">{t('staff.language')}</th>
            <th scope="col">{t('staff.status')}</th>
            <th scope="col">{t('staff.lockedUntil')}</th>
            <th scope="col">{t('staff.lastSignIn')}</th>
            <th scope="col">{t('staff.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id} data-staff-id={person.id}>
              <th scope="row">{person.training ? t('session.trainingAdministrator') : person.name}</th>
              <td>{t(`staff.roles.${person.role}`)}</td>
              <td>{person.locale.toUpperCase()}</td>
              <td className={`staff-status staff-status-${person.status}`}>
                {t(`staff.statuses.${person.status}`)}
              </td>
              <td className="staff-locked">
                {isLocked(person.lockedUntil, now) ? formatClock(person.lockedUntil, locale) : ''}
              </td>
              <td>
                {person.lastSignInAt === null
                  ? t('staff.never')
                  : formatMoment(new Date(person.lastSignInAt).toISOString(), locale)}
              </td>
              <td>
                {/* Built in, with no secret anyone knows, and retired by the station itself: nothing to change. */}
                {!person.training && (
                  <RowActions
                    person={person}
                    locked={isLocked(person.lockedUntil, now)}
                    busy={busy}
                    onAction={onAction}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  person: StaffView;
  locked: boolean;
  busy: boolean;
  onAction: (action: StaffAction, person: StaffView) => void;
}

/** Only the actions that make sense for this person's status. */
function RowActions({ person, locked, busy, onAction }: RowProps) {
  const { t } = useTranslation();
  const actions: Array<[StaffAction, string]> = [
    ['edit', t('staff.edit')],
    ['secret', t('staff.newSecret')],
    person.status === 'blocked' ? ['reactivate', t('staff.reactivate')] : ['block', t('staff.block')],
  ];
  if (locked) actions.push(['unlock', t('staff.unlock')]);
  actions.push(['delete', t('staff.delete')]);
  return (
    <div className="staff-actions">
      {actions.map(([action, label]) => (
        <button
          key={action}
          type="button"
          className={action === 'delete' ? 'button button-small button-cancel' : 'button button-small'}
          disabled={busy}
          aria-label={`${label}: ${person.name}`}
          onClick={() => onAction(action, person)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
