import { z } from 'zod';
import { LOCALES } from '../domain/money';
import { out } from './method-spec';
import type { SessionView } from './staff-views';

/** Whether this device plays a short sound when a payment it follows succeeds. */
export interface DeviceSoundView {
  deviceId: string;
  soundOn: boolean;
}

/**
 * A person's own language and a device's own payment sound (issue 14's Settings). Merged into
 * `methods`: each acts on the caller's own person or device, never on one named in the input.
 */
export const preferenceMethods = {
  /**
   * The signed-in person's own language, kept with them: the screen switches to it at every sign-in.
   * A customer display's session passes the permission but has no person, and is refused.
   */
  'session.setMyLocale': {
    permission: 'signedIn',
    input: z.object({ locale: z.enum(LOCALES) }).strict(),
    output: out<SessionView>(),
  },
  /** Whoever sells at this device reads and sets its sound: it is the device's, not the person's. */
  'devices.getSound': { permission: 'sell', input: z.object({}).strict(), output: out<DeviceSoundView>() },
  'devices.setSound': {
    permission: 'sell',
    input: z.object({ soundOn: z.boolean() }).strict(),
    output: out<DeviceSoundView>(),
  },
} as const;
