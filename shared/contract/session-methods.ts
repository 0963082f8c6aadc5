import { z } from 'zod';
import { LOCALES } from '../domain/money';
import { out } from './method-spec';
import type { SessionView } from './staff-views';
import { personName, secretInput } from './staff-methods';

/**
 * Signing in and out on the calling device. The session's token travels only as a cookie set by the
 * shell (never in an answer); these methods read the caller's session, never the window they run in.
 */
export const sessionMethods = {
  /** Who is signed in here, the idle lock, and who may sign in on this device (for the two-tap switch). */
  'session.get': { permission: 'public', input: z.object({}).strict(), output: out<SessionView>() },
  /** A PIN (cashiers) or a password (everyone else); five wrong tries lock the person for a while. */
  'session.signIn': {
    permission: 'public',
    input: z.object({ staffId: z.string().min(1).max(64), secret: secretInput }).strict(),
    output: out<SessionView>(),
  },
  'session.signOut': { permission: 'signedIn', input: z.object({}).strict(), output: out<SessionView>() },
  /**
   * Only on the station's own window, and only while no real administrator exists: creates one with a
   * password, active, and signs them in (the training administrator is then gone).
   */
  'session.createFirstAdministrator': {
    permission: 'public',
    input: z.object({ name: personName, locale: z.enum(LOCALES), password: secretInput }).strict(),
    output: out<SessionView>(),
  },
} as const;
