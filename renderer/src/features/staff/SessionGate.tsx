import { useCallback, type ReactNode } from 'react';
import type { Route } from '../../routes';
import { FirstAdministratorScreen } from './FirstAdministratorScreen';
import { SessionContext } from './session-context';
import { SignInScreen } from './SignInScreen';
import { useAllowedRoute } from './use-allowed-route';
import { useIdleLock } from './use-idle-lock';
import { languagePerson, usePersonLanguage } from './use-person-language';
import { usePersonChange } from './use-person-change';
import { useSessionLoader } from './use-session-loader';

/**
 * Shows the screens only to someone signed in: otherwise the sign-in screen, or on a live station
 * without an administrator only the form that creates one. A customer display never signs in.
 */
export function SessionGate({ route, children }: { route: Route; children: ReactNode }) {
  const session = useSessionLoader();
  const { view, phase, signedOut } = session;
  usePersonChange(view);
  useAllowedRoute(route, signedOut ? null : view);
  const person = signedOut ? null : (view?.staff ?? null);
  const display = route === 'customer' || view?.display === true;
  // The customer display keeps its own language rules, whoever is signed in at the station.
  usePersonLanguage(display ? null : (languagePerson(view, signedOut)?.locale ?? null));
  const signOut = session.signOut;
  const lock = useCallback(() => void signOut(), [signOut]);
  // The training administrator has nothing to protect and no secret to come back with (the station
  // does not idle it out either); everyone else is signed out after the administrator's idle time.
  const lockable = person !== null && !person.training && !display;
  useIdleLock({ minutes: view?.idleLockMinutes ?? 0, enabled: lockable, onIdle: lock });

  let content: ReactNode = children;
  if (phase === 'loading') content = <main aria-busy="true" />;
  else if (view?.needsFirstAdministrator) content = <FirstAdministratorScreen onCreated={session.apply} />;
  else if (needsSignIn(phase, person !== null, view?.display === true, signedOut))
    content = (
      <SignInScreen
        people={view?.people ?? []}
        onSignedIn={session.apply}
        onRefused={() => void session.refresh()}
      />
    );
  return <SessionContext.Provider value={session}>{content}</SessionContext.Provider>;
}

/** Where session.get could not be read, only a NOT_SIGNED_IN answer says that nobody is here. */
function needsSignIn(phase: string, hasPerson: boolean, isDisplay: boolean, signedOut: boolean): boolean {
  if (phase !== 'ready') return signedOut;
  return !hasPerson && !isDisplay;
}
