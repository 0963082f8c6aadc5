import type { Caller } from './dispatcher';

/**
 * What a call carried: where it came in, and the cookies (or the window's memory) holding its secrets.
 * The shells collect these and access/ turns them into a Caller; the type lives here, beside Caller,
 * so that access/ depends on api/ and never the other way round.
 */
export interface Credentials {
  channel: Caller['channel'];
  sessionToken?: string;
  deviceCredential?: string;
  address?: string;
  /**
   * A call that shows what is there without anyone acting (the status, the session, the customer display
   * following its till): it does not restart the session's idle clock, so a screen that refreshes itself
   * still locks when nobody touches it.
   */
  passive?: boolean;
}
