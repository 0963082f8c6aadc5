import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BancontactClient } from '../../electron/core/bancontact/client';
import { BancontactError } from '../../electron/core/bancontact/errors';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { silentLogger } from '../../electron/core/logging/logger';
import { PaymentTracker } from '../../electron/core/payments/tracker';
import { applyStatus } from '../../electron/core/payments/transition';
import { SalesRepo } from '../../electron/core/sales/sales-repo';
import type { SaleView } from '../../shared/contract';
import type { BancontactStatus } from '../../shared/domain/payment-status';
import { MIGRATIONS } from '../support/temp';

let db: Db;
let repo: SalesRepo;
let tracker: PaymentTracker | null;
/** What Bancontact answers to the next GETs, in order; the last one repeats. */
let answers: Array<BancontactStatus | BancontactError>;
let polledAt: number[];
/** What the sale looked like in the database each time a change was announced (read at once). */
let announced: Array<Promise<SaleView | null>>;

const START = 1_000_000;

beforeEach(async () => {
  vi.useFakeTimers({ now: START });
  db = openDatabase({ file: ':memory:', migrationsFolder: MIGRATIONS });
  repo = new SalesRepo(db);
  answers = ['PENDING'];
  polledAt = [];
  announced = [];
  tracker = null;
  await openPayment('sale-1', 'pay-1', 'a'.repeat(24));
});
afterEach(async () => {
  tracker?.stop();
  vi.useRealTimers();
  await db.close();
});

async function openPayment(saleId: string, paymentId: string, bancontactId: string): Promise<void> {
  await repo.insertSaleWithPayment(
    { id: saleId, tillId: 'till-1', amountCents: 1250, idempotencyKey: `k-${saleId}`, at: Date.now() },
    { id: paymentId, saleId, profileId: 'p', posId: null, amountCents: 1250, at: Date.now() },
  );
  await applyStatus(db, {
    paymentId,
    status: 'PENDING',
    source: 'create',
    at: Date.now(),
    created: {
      bancontactId,
      deeplink: `https://pay.bancontact.net/pay/2/${bancontactId}`,
      expiresAt: Date.now() + 120_000,
    },
  });
}

const client = {
  getPayment: async () => {
    polledAt.push(Date.now() - START);
    const next = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (next instanceof BancontactError) throw next;
    return { paymentId: 'a'.repeat(24), status: next, createdAt: '', amount: 1250, currency: 'EUR' };
  },
} as unknown as BancontactClient;

function startTracker(onScreen = true): PaymentTracker {
  tracker = new PaymentTracker({
    db,
    repo,
    client,
    now: Date.now,
    logger: silentLogger,
    onSaleChanged: (saleId) => announced.push(repo.saleView(saleId)),
    isOnScreen: () => onScreen,
  });
  return tracker;
}

const down = () => new BancontactError('network', 'GET: connect ECONNREFUSED');

describe('the payment tracker', () => {
  it('asks about the payment on screen about once a second', async () => {
    startTracker().follow('pay-1');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(polledAt).toEqual([800, 1_600, 2_400, 3_200, 4_000]);
  });

  it('backs off 1, 2, 5, then 15 s while Bancontact cannot be reached, and says why meanwhile', async () => {
    answers = [down(), down(), down(), down(), down(), 'PENDING'];
    startTracker().follow('pay-1');
    await vi.advanceTimersByTimeAsync(800 + 1_000 + 2_000 + 5_000 + 15_000 + 15_000);
    const gaps = polledAt.slice(1).map((at, i) => at - polledAt[i]!);
    expect(gaps).toEqual([1_000, 2_000, 5_000, 15_000, 15_000]);
    expect((await announced[0])?.payment).toMatchObject({
      status: 'PENDING',
      problem: { code: 'NETWORK_DOWN' },
    });
    // Once Bancontact answers again the reason goes away and the normal pace returns.
    expect((await repo.saleView('sale-1'))?.payment?.problem).toBeNull();
    await vi.advanceTimersByTimeAsync(800);
    expect(polledAt.at(-1)! - polledAt.at(-2)!).toBe(800);
  });

  it('has every change in the database before it announces it, and stops at a final status', async () => {
    answers = ['IDENTIFIED', 'SUCCEEDED'];
    startTracker().follow('pay-1');
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await Promise.all(announced)).map((sale) => [sale?.status, sale?.payment?.status])).toEqual([
      ['open', 'IDENTIFIED'],
      ['paid', 'SUCCEEDED'],
    ]);
    expect(polledAt).toEqual([800, 1_600]);
  });

  it('resumes every unfinished payment at start-up, the one on screen at once', async () => {
    await openPayment('sale-2', 'pay-2', 'b'.repeat(24));
    await applyStatus(db, { paymentId: 'pay-2', status: 'SUCCEEDED', source: 'poll', at: Date.now() });
    expect(await startTracker().resume()).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(polledAt).toEqual([0]);
  });
});

describe('the payment tracker with more open payments than the rate limit allows GETs for', () => {
  it('follows them all by one shared search per round instead of a GET each', async () => {
    for (let i = 2; i <= 8; i++)
      await openPayment(`sale-${i}`, `pay-${i}`, String(i).repeat(24).slice(0, 24));
    const searches: number[] = [];
    let round = 0;
    tracker = new PaymentTracker({
      db,
      repo,
      client,
      now: Date.now,
      logger: silentLogger,
      onSaleChanged: (saleId) => announced.push(repo.saleView(saleId)),
      isOnScreen: () => true,
      followBySearch: {
        threshold: 5,
        // Stands in for the search sweep: the second round finds every payment paid.
        search: async () => {
          searches.push(Date.now() - START);
          round += 1;
          if (round < 2) return;
          for (let i = 1; i <= 8; i++)
            await applyStatus(db, {
              paymentId: `pay-${i}`,
              status: 'SUCCEEDED',
              source: 'sweep',
              at: Date.now(),
            });
        },
      },
    });
    for (let i = 1; i <= 8; i++) tracker.follow(`pay-${i}`);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(polledAt).toEqual([]);
    expect(searches.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i <= 8; i++) expect((await repo.saleView(`sale-${i}`))?.status).toBe('paid');
    const calls = searches.length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(searches.length).toBe(calls);
  });

  it('keeps a GET per payment while no more are open than the threshold', async () => {
    const searches: number[] = [];
    tracker = new PaymentTracker({
      ...{ db, repo, client, now: Date.now, logger: silentLogger },
      onSaleChanged: () => undefined,
      isOnScreen: () => true,
      followBySearch: { threshold: 5, search: async () => void searches.push(Date.now()) },
    });
    tracker.follow('pay-1');
    await vi.advanceTimersByTimeAsync(1_600);
    expect(polledAt).toEqual([800, 1_600]);
    expect(searches).toEqual([]);
  });
});
