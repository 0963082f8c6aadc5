import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSession } from './session-context';
import { SwitchDialog } from './SwitchDialog';

/** Who is signed in here, with Switch (two taps and a PIN to the next cashier) and Sign out. */
export function SessionChip() {
  const { t } = useTranslation();
  const session = useSession();
  const [switching, setSwitching] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const view = session?.view;
  if (!session || !view) return null;
  if (view.display) return <span className="session-chip">{t('session.display')}</span>;
  const staff = view.staff;
  if (!staff) return null;
  const others = view.people.filter((person) => person.id !== staff.id);
  const name = staff.training ? t('session.trainingAdministrator') : staff.name;
  return (
    <div className="session-chip" role="group" aria-label={t('session.who')}>
      <span className="session-person" data-testid="signed-in-person">
        <strong>{name}</strong> <span className="session-role">{t(`staff.roles.${staff.role}`)}</span>
      </span>
      <button
        type="button"
        className="button button-small session-button"
        onClick={() => {
          setSwitching(true);
          // People may have been added, blocked or locked elsewhere since this device last asked.
          void session.refresh();
        }}
      >
        {t('session.switch')}
      </button>
      {/* The training administrator is this window's own person in training: there is no signing it out. */}
      {!staff.training && (
        <button
          type="button"
          className="button button-small session-button"
          onClick={() => void session.signOut().then(setError)}
        >
          {t('session.signOut')}
        </button>
      )}
      {error && <ErrorAlert error={error} />}
      {switching && (
        <SwitchDialog
          people={others}
          onSwitched={(next) => {
            setSwitching(false);
            session.apply(next);
          }}
          onRefused={() => void session.refresh()}
          onClose={() => setSwitching(false)}
        />
      )}
    </div>
  );
}
