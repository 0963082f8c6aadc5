import { useTranslation } from 'react-i18next';
import { SignInPanel } from './SignInPanel';
import type { SessionPerson, SessionView } from './staff-api';

interface Props {
  people: SessionPerson[];
  onSwitched: (view: SessionView) => void;
  onRefused: () => void;
  onClose: () => void;
}

/** Over the current screen: the next person taps their name and types their PIN. */
export function SwitchDialog({ people, onSwitched, onRefused, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <div className="switch-backdrop">
      <div className="switch-dialog" role="dialog" aria-modal="true" aria-labelledby="switch-title">
        <div className="switch-head">
          <h2 id="switch-title">{t('signIn.switchTitle')}</h2>
          <button type="button" className="button button-small" onClick={onClose}>
            {t('signIn.close')}
          </button>
        </div>
        <SignInPanel people={people} onSignedIn={onSwitched} onRefused={onRefused} />
      </div>
    </div>
  );
}
