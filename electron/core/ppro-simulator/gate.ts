import { createSeededRandom } from '../simulator/faults/random';

/** A fault the next merchant request meets: a 503 answer, or no answer at all (the caller times out). */
export type FaultKind = '503' | 'timeout';

export interface FaultSettings {
  /** Faults for the next requests, in order, before any random one. */
  next?: FaultKind[];
  /** Share (0-1) of requests answered 503, drawn from the seeded generator. */
  rate503?: number;
  /** Share (0-1) of requests left unanswered. */
  rateTimeout?: number;
}

/**
 * Seeded faults and held answers: both make a caller wait or fail the way a real PPRO outage would, and
 * both are reproducible (same seed and requests, same faults).
 */
export class RequestGate {
  private faults: Required<FaultSettings> = { next: [], rate503: 0, rateTimeout: 0 };
  private random;
  private holdNext = false;
  private readonly held = new Map<string, () => void>();

  constructor(seed: number) {
    this.random = createSeededRandom(seed);
  }

  setFaults(settings: FaultSettings): Required<FaultSettings> {
    this.faults = {
      next: [...(settings.next ?? [])],
      rate503: settings.rate503 ?? 0,
      rateTimeout: settings.rateTimeout ?? 0,
    };
    return this.faults;
  }

  /** The fault this request meets, if any. */
  draw(): FaultKind | undefined {
    const queued = this.faults.next.shift();
    if (queued !== undefined) return queued;
    if (this.random.next('503') < this.faults.rate503) return '503';
    if (this.random.next('timeout') < this.faults.rateTimeout) return 'timeout';
    return undefined;
  }

  /** Holds the answer to the next charge request until released (or the connection drops). */
  armHold(): void {
    this.holdNext = true;
  }

  /** Called once a charge is stored: resolves at once, or when released if a hold was armed. */
  maybeHold(chargeId: string): Promise<void> {
    if (!this.holdNext) return Promise.resolve();
    this.holdNext = false;
    return new Promise((resolve) => this.held.set(chargeId, resolve));
  }

  heldCharges(): string[] {
    return [...this.held.keys()];
  }

  releaseAll(): string[] {
    const ids = this.heldCharges();
    for (const release of this.held.values()) release();
    this.held.clear();
    return ids;
  }

  /** A request that never gets an answer: it ends when the server drops the connection. */
  hang(): Promise<never> {
    return new Promise<never>(() => undefined);
  }
}
