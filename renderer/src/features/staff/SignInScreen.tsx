import { useTranslation } from 'react-i18next';
import { GateFrame } from './GateFrame';
import { SignInPanel } from './SignInPanel';
import type { SessionPerson, SessionView } from './staff-api';

interface Props {
  people: SessionPerson[];
  onSignedIn: (view: SessionView) => void;
  onRefused: () => void;
}

/** Nobody is signed in on this device: who is working? */
export function SignInScreen(props: Props) {
  const { t } = useTranslation();
  return (
    <GateFrame title={t('signIn.title')} intro={t('signIn.intro')}>
      <SignInPanel {...props} />
    </GateFrame>
  );
}
