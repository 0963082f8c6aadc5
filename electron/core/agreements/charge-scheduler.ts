import type { Db } from '../db/open-database';
import type { Logger } from '../logging/logger';
import type { Lease, Leases } from '../site/lease';
import { followRefunds } from './charge-actions';
import { askCharge, storeAnswer } from './charge-answers';
import { readRetryPolicy } from './charge-retry-policy';
import { agreementsToCharge, hasChargeWork, nextStep } from './charge-steps';
import { revokeAutoTopupsAtEventEnd } from './event-end-revocations';
import type { PproRuntime } from './ppro-runtime';
import type { WristbandRow } from '../topup/wristband-book';

/*
 * The charge scheduler: every agreement's charges as they fall due by PPRO's time (in training the PPRO
 * simulator's clock). It works only while this station holds the `agreements:charges` lease, so on a
 * PostgreSQL site one station charges; on SQLite the one station always holds it. Each charge is one
 * period: its row is written first, then PPRO is asked with the period's idempotency key, then the
 * answer is stored, so neither a crash nor a second station makes a period's charge twice.
 */

export const CHARGES_LEASE = 'agreements:charges';

/** A plan's periods can be many after a long stop; one run charges at most this many per agreement. */
const MAX_STEPS_PER_AGREEMENT = 64;

export interface ChargeSchedulerDeps {
  db: Db;
  ppro: PproRuntime;
  leases: Leases;
  logger: Logger;
  /** The station's clock: the books' moments. */
  now: () => number;
  newId: () => string;
  intervalMs: number;
  /** After a charge was captured and booked (committed): the mail outbox sends its receipt. */
  onCaptured?: (chargeId: string) => void;
  /** After an automatic top-up's charge credited its wristband (committed). */
  onCredited?: (wristband: WristbandRow) => void;
  /** Subscribes `kick` to what may make work (a debit, the end of the event); answers the unsubscribe. */
  wakeOn?: (kick: () => void) => () => void;
}

export class ChargeScheduler {
  private lease: Lease | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private giveUp: (() => Promise<void>) | null = null;
  private sleep: (() => void) | null = null;

  constructor(private readonly deps: ChargeSchedulerDeps) {}

  start(): void {
    this.giveUp ??= this.deps.leases.hold(CHARGES_LEASE, {
      gained: (lease) => {
        this.lease = lease;
        this.kick();
      },
      lost: (lease) => {
        if (this.lease === lease) this.lease = null;
      },
    });
    this.timer ??= setInterval(() => this.kick(), this.deps.intervalMs);
    this.sleep ??= this.deps.wakeOn?.(() => this.kick()) ?? null;
  }

  /** Looks for due charges now (a commit, a webhook); a run already going runs once more. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run()
      .catch((error: unknown) => this.deps.logger.warn(`charges: ${String(error)}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Runs until nothing more is due now: what tests and the shutdown wait for. */
  async settle(): Promise<void> {
    this.kick();
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sleep?.();
    this.sleep = null;
    this.again = false;
    await this.running;
    const giveUp = this.giveUp;
    this.giveUp = null;
    this.lease = null;
    await giveUp?.();
  }

  private held(): boolean {
    return this.lease?.held === true;
  }

  private async run(): Promise<void> {
    if (!this.held()) return;
    await this.revokeAtEventEnd();
    if (!(await hasChargeWork(this.deps.db))) return;
    const pproNow = await this.deps.ppro.now();
    for (const agreementId of await agreementsToCharge(this.deps.db, pproNow)) {
      if (!this.held()) return;
      try {
        await this.chargeAgreement(agreementId, pproNow);
      } catch (error) {
        // One agreement's trouble (its row taken by another station, a lost connection) stops only it.
        this.deps.logger.warn(`charges: agreement ${agreementId}: ${String(error)}`);
      }
    }
    // Refunds a manager asked for, until PPRO says SUCCEEDED (then booked).
    const { db, ppro, now } = this.deps;
    await followRefunds({ db, ppro, now }).catch((error: unknown) =>
      this.deps.logger.warn(`charges: following refunds: ${String(error)}`),
    );
  }

  /** After *End the event*: its automatic top-ups revoked at PPRO, those PPRO missed tried each round. */
  private async revokeAtEventEnd(): Promise<void> {
    const { db, ppro, now, logger } = this.deps;
    const failures = await revokeAutoTopupsAtEventEnd({ db, ppro, now }).catch((error: unknown) => [
      { agreementId: '(all)', error: String(error) },
    ]);
    for (const f of failures)
      logger.warn(`charges: event end: agreement ${f.agreementId} not revoked yet: ${f.error}`);
  }

  private async chargeAgreement(agreementId: string, pproNow: number): Promise<void> {
    const { db, newId, now } = this.deps;
    for (let step = 0; step < MAX_STEPS_PER_AGREEMENT; step++) {
      if (!this.held()) return;
      const next = await db.write((tx) => nextStep(tx, agreementId, { pproNow, at: now(), newId }));
      if (next.kind === 'wait') return;
      const answer = await askCharge(this.deps.ppro.client, next.agreement, next.charge);
      const policy = await readRetryPolicy(db);
      const stored = await db.write((tx) =>
        storeAnswer(tx, next.charge.id, answer, { policy, pproNow, at: now() }),
      );
      if (stored.captured) this.deps.onCaptured?.(next.charge.id);
      if (stored.credited) this.deps.onCredited?.(stored.credited);
      if (!stored.goOn) return;
    }
  }
}
