import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { call, onSignedOut } from '../../api/client';
import type { SessionState } from './session-context';
import type { SessionView } from './staff-api';

export type SessionPhase = 'loading' | 'ready' | 'unavailable';

/**
 * Reads session.get on load and after every sign-in or out, and hears any call answered NOT_SIGNED_IN.
 * A station that cannot answer session.get (unreachable, or older than sessions) leaves the screens
 * to show their own errors: the station, not this gate, is what refuses a call.
 */
export function useSessionLoader(): SessionState & { phase: SessionPhase } {
  const [view, setView] = useState<SessionView | null>(null);
  const [phase, setPhase] = useState<SessionPhase>('loading');
  const [signedOut, setSignedOut] = useState(false);
  const inFlight = useRef(false);

  const apply = useCallback((next: SessionView) => {
    setView(next);
    setPhase('ready');
    setSignedOut(false);
  }, []);

  const refresh = useCallback((): Promise<void> => {
    // A NOT_SIGNED_IN answer while session.get is on its way must not start another one.
    if (inFlight.current) return Promise.resolve();
    inFlight.current = true;
    return call('session.get', {}).then((result) => {
      inFlight.current = false;
      if (result.ok) apply(result.value);
      else setPhase((current) => (current === 'loading' ? 'unavailable' : current));
    });
  }, [apply]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onSignedOut(() => {
        setSignedOut(true);
        void refresh();
      }),
    [refresh],
  );

  const signOut = useCallback(async () => {
    const result = await call('session.signOut', {});
    if (result.ok) apply(result.value);
    else await refresh();
    return result.ok ? null : result.error;
  }, [apply, refresh]);

  return useMemo(
    () => ({ view, phase, signedOut, apply, refresh, signOut }),
    [view, phase, signedOut, apply, refresh, signOut],
  );
}
