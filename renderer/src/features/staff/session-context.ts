import { createContext, useContext } from 'react';
import type { ContractError } from '../../../../shared/contract';
import type { SessionView } from './staff-api';

export interface SessionState {
  /** The station's answer to session.get; null until it answered, or where it has no sessions. */
  view: SessionView | null;
  /** A call answered NOT_SIGNED_IN: whatever the last view said, nobody is signed in here now. */
  signedOut: boolean;
  /** Takes the view a session call answered with (sign in, switch, sign out, first administrator). */
  apply(view: SessionView): void;
  refresh(): Promise<void>;
  signOut(): Promise<ContractError | null>;
}

export const SessionContext = createContext<SessionState | null>(null);

/** Null outside the gate (the refusal screen, a component test): nothing to show about a person. */
export function useSession(): SessionState | null {
  return useContext(SessionContext);
}
