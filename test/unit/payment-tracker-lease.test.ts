import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BancontactClient } from '../../electron/core/bancontact/client';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { silentLogger } from '../../electron/core/logging/logger';
import { PaymentTracker } from '../../electron/core/payments/tracker';
import { applyStatus } from '../../electron/core/payments/transition';
import { SalesRepo } from '../../electron/core/sales/sales-repo';
import type { Lease } from '../../electron/core/site/lease';
import { MIGRATIONS } from '../support/temp';

/*
 * A tracker whose following is work once per site (the `poll:` lease): it polls only while it holds the
 * lease, by the lease's own `held`, and the holder finds payments other stations' tills created.
 */

let db: Db;
let repo: SalesRepo;
let tracker: PaymentTracker;
let polled: string[];

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  db = openDatabase({ file: ':memory:', migrationsFolder: MIGRATIONS });
  repo = new SalesRepo(db);
  polled = [];
  const client = {
    getPayment: (bancontactId: string) => {
      polled.push(bancontactId);
      return Promise.resolve({
        paymentId: bancontactId,
        status: 'PENDING',
        createdAt: '',
        amount: 1,
        currency: 'EUR',
      });
    },
  } as unknown as BancontactClient;
  tracker = new PaymentTracker({
    ...{ db, repo, client, now: Date.now, logger: silentLogger, onSaleChanged: () => undefined },
    isOnScreen: () => true,
    leased: true,
  });
});
afterEach(async () => {
  tracker.stop();
  vi.useRealTimers();
  await db.close();
});

/** A payment on screen, as another station's till would have created it. */
async function openPayment(n: number): Promise<string> {
  const bancontactId = String(n).repeat(24);
  const at = Date.now();
  await repo.insertSaleWithPayment(
    { id: `sale-${n}`, tillId: `till-${n}`, amountCents: 100, idempotencyKey: `k-${n}`, at },
    { id: `pay-${n}`, saleId: `sale-${n}`, profileId: 'p', posId: null, amountCents: 100, at },
  );
  const created = {
    bancontactId,
    deeplink: `https://pay.bancontact.net/pay/2/${bancontactId}`,
    expiresAt: at + 120_000,
  };
  await applyStatus(db, { paymentId: `pay-${n}`, status: 'PENDING', source: 'create', at, created });
  return bancontactId;
}

const lease = (): Lease & { held: boolean } => ({
  name: 'poll:p',
  generation: 1,
  held: true,
  confirm: () => Promise.resolve(true),
});

describe('a leased payment tracker', () => {
  it('follows nothing before it holds the lease: a follow there is left to the holder', async () => {
    await openPayment(1);
    tracker.follow('pay-1');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(polled).toEqual([]);
  });

  it('on gaining the lease follows every unfinished payment, and discovers the ones created later', async () => {
    const first = await openPayment(1);
    expect(await tracker.lead(lease())).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(polled).toEqual([first]);
    const later = await openPayment(2);
    expect(await tracker.discover()).toBe(1);
    // Already followed: found once only.
    expect(await tracker.discover()).toBe(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(polled).toContain(later);
  });

  it('asks nothing more once its lease is no longer held, nor after standing down', async () => {
    await openPayment(1);
    const held = lease();
    await tracker.lead(held);
    await vi.advanceTimersByTimeAsync(1_000);
    const before = polled.length;
    // Frozen past its deadline: the next poll finds the lease not held and does not ask.
    held.held = false;
    await vi.advanceTimersByTimeAsync(3_000);
    expect(polled.length).toBe(before);
    expect(await tracker.discover()).toBe(0);
    tracker.standDown();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(polled.length).toBe(before);
  });
});
