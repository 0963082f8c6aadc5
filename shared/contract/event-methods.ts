import { z } from 'zod';
import { out } from './method-spec';

/** Where the festival stands: running, or ended (bars stop, refund files may be made). */
export interface EventStateView {
  ended: boolean;
  /** When *End the event* was confirmed; null while the event runs. */
  endedAt: string | null;
  /** True while the end may still be undone: ended, and no refund file made yet. */
  canReopen: boolean;
  /** Refund files made so far; the first one makes the end final. */
  refundFiles: number;
  /**
   * Automatic top-ups (wristbands that top themselves up) not revoked at PPRO yet. The end revokes them;
   * after it, one left here is one PPRO could not be reached for, and the station keeps trying.
   */
  autoTopupsToRevoke: number;
}

/** The end of the event, a manager's explicit step; merged into `methods`. */
export const eventMethods = {
  'topup.getEvent': { permission: 'signedIn', input: z.object({}).strict(), output: out<EventStateView>() },
  'topup.endEvent': {
    permission: 'close',
    // The screen asks first; a call without the confirmation is refused as invalid input.
    input: z.object({ confirm: z.literal(true) }).strict(),
    output: out<EventStateView>(),
  },
  'topup.reopenEvent': { permission: 'close', input: z.object({}).strict(), output: out<EventStateView>() },
} as const;
