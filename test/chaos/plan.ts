import { createSeededRandom, type SeededRandom } from '../../electron/core/simulator/faults/random';

/** What the customer (and, for two of them, the cashier) does with the QR the till shows. */
export const BEHAVIOURS = [
  'pays',
  'refuses',
  'backs-out',
  'cashier-cancels',
  'cancel-confirm-race',
  'walks-away',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/** Where in a sale the station is killed: the moments the issue names. */
export type KillMoment = 'creating' | 'waiting' | 'confirming' | 'cancelling';

export interface SalePlan {
  index: number;
  /** The till's idempotency key: every retry of this sale, across crashes, sends the same one. */
  idempotencyKey: string;
  amountCents: number;
  behaviour: Behaviour;
  /** After a refusal or a back-out the customer tries again and pays with a new payment. */
  secondChance: boolean;
  /** The customer scans before backing out, being cancelled or walking away (else never scans). */
  scansFirst: boolean;
  killAt: KillMoment | null;
}

// Paying dominates as at a real till; the races and cancels are frequent enough to happen hundreds of times.
const WEIGHTS: Record<Behaviour, number> = {
  pays: 45,
  refuses: 12,
  'backs-out': 12,
  'cashier-cancels': 13,
  'cancel-confirm-race': 15,
  'walks-away': 3,
};

/** The moments at which a sale of this behaviour can be interrupted. */
const MOMENTS: Record<Behaviour, readonly KillMoment[]> = {
  pays: ['creating', 'waiting', 'confirming'],
  refuses: ['creating', 'waiting', 'confirming'],
  'backs-out': ['creating', 'waiting', 'confirming'],
  'cashier-cancels': ['creating', 'waiting', 'cancelling'],
  'cancel-confirm-race': ['creating', 'cancelling', 'confirming'],
  'walks-away': ['creating', 'waiting'],
};

function pick<T>(random: SeededRandom, stream: string, items: readonly T[]): T {
  const item = items[Math.floor(random.next(stream) * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pickBehaviour(random: SeededRandom): Behaviour {
  const total = BEHAVIOURS.reduce((sum, b) => sum + WEIGHTS[b], 0);
  let draw = random.next('behaviour') * total;
  for (const behaviour of BEHAVIOURS) {
    draw -= WEIGHTS[behaviour];
    if (draw < 0) return behaviour;
  }
  return 'pays';
}

/** Spreads the kills over the run: one per stretch of sales, at a random sale within it. */
function killIndices(random: SeededRandom, sales: number, kills: number): Set<number> {
  const indices = new Set<number>();
  const stretch = sales / kills;
  for (let k = 0; k < kills; k++) {
    indices.add(Math.min(sales - 1, Math.floor(k * stretch + random.next('kill-index') * stretch)));
  }
  return indices;
}

/** The whole run's script, from the seed alone: same seed, same sales, same kill moments. */
export function planSales(options: { sales: number; kills: number; seed: number }): SalePlan[] {
  if (options.kills > options.sales) throw new Error('--kills cannot exceed --sales');
  const random = createSeededRandom(options.seed);
  const kills = killIndices(random, options.sales, options.kills);
  return Array.from({ length: options.sales }, (_, index) => {
    const behaviour = pickBehaviour(random);
    return {
      index,
      idempotencyKey: `chaos-${options.seed}-${index}`,
      amountCents: 100 + Math.floor(random.next('amount') * 9_900),
      behaviour,
      secondChance: random.next('second-chance') < 0.5,
      scansFirst: random.next('scans-first') < 0.6,
      killAt: kills.has(index) ? pick(random, 'kill-moment', MOMENTS[behaviour]) : null,
    };
  });
}

/** Seeded draws for the run's timing choices (kill delays, burst gaps), apart from the plan's streams. */
export function timingRandom(seed: number): SeededRandom {
  return createSeededRandom(seed ^ 0x5eed);
}
