import type { EventBus } from '../api/event-bus';
import { newId } from '../db/ids';
import type { Db } from '../db/open-database';
import type { Logger } from '../logging/logger';
import type { Leases } from '../site/lease';
import { ChargeScheduler } from './charge-scheduler';
import type { PproRuntime } from './ppro-runtime';

/** How often the scheduler looks for due charges besides being woken (a commit, a webhook). */
export const CHARGE_TICK_MS = 5_000;

export interface ChargeModeParts {
  db: Db;
  /** Null when the mode has no PPRO set up: nothing is charged. */
  ppro: PproRuntime | null;
  leases: Leases;
  logger: Logger;
  now: () => number;
  /** The station's screens and its mail outbox hear `agreements.charged` after each captured charge. */
  events?: EventBus;
  tickMs?: number;
}

/** A running mode's charge scheduler, started; null without PPRO. Its `stop()` belongs to the mode's close. */
export function openChargeScheduler(parts: ChargeModeParts): ChargeScheduler | null {
  const { ppro, events } = parts;
  if (!ppro) return null;
  const scheduler = new ChargeScheduler({
    ...{ db: parts.db, ppro, leases: parts.leases, logger: parts.logger, now: parts.now, newId },
    intervalMs: parts.tickMs ?? CHARGE_TICK_MS,
    onCaptured: (chargeId) => events?.emit('agreements.charged', { chargeId }),
    onCredited: ({ id: wristbandId, balanceCents, status }) =>
      events?.emit('wristbands.changed', { wristbandId, balanceCents, status }),
    // A debit may have made an automatic top-up due; the end of the event revokes them at once.
    wakeOn: (kick) =>
      events?.subscribe((event) => {
        if (
          event.name === 'wristbands.changed' ||
          (event.name === 'topup.eventChanged' && event.payload.ended)
        )
          kick();
      }) ?? (() => {}),
  });
  scheduler.start();
  return scheduler;
}
