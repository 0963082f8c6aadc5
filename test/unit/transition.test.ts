import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { applyStatus } from '../../electron/core/payments/transition';
import { SalesRepo } from '../../electron/core/sales/sales-repo';
import { MIGRATIONS } from '../support/temp';

let db: Db;
let repo: SalesRepo;

beforeEach(async () => {
  db = openDatabase({ file: ':memory:', migrationsFolder: MIGRATIONS });
  repo = new SalesRepo(db);
  await repo.insertSaleWithPayment(
    { id: 'sale-1', tillId: 'till-1', amountCents: 1250, idempotencyKey: 'k-1', at: 1 },
    { id: 'pay-1', saleId: 'sale-1', profileId: 'p', posId: null, amountCents: 1250, at: 1 },
  );
});
afterEach(() => db.close());

const apply = (status: Parameters<typeof applyStatus>[1]['status'], at = 2) =>
  applyStatus(db, { paymentId: 'pay-1', status, source: 'poll', at });

describe('the payment state machine', () => {
  it('logs every accepted change with the status, in order', async () => {
    await apply('PENDING');
    await apply('IDENTIFIED', 3);
    await apply('SUCCEEDED', 4);
    expect((await repo.timeline('pay-1')).map((e) => [e.from, e.to])).toEqual([
      ['CREATING', 'PENDING'],
      ['PENDING', 'IDENTIFIED'],
      ['IDENTIFIED', 'SUCCEEDED'],
    ]);
    expect((await repo.saleView('sale-1'))?.status).toBe('paid');
  });

  it('treats duplicates and late, out-of-order updates as no-ops', async () => {
    await apply('IDENTIFIED');
    expect((await apply('IDENTIFIED')).changed).toBe(false);
    expect((await apply('PENDING')).changed).toBe(false);
    expect(await repo.timeline('pay-1')).toHaveLength(1);
  });

  it('never changes a final status', async () => {
    await apply('SUCCEEDED');
    expect((await apply('CANCELLED')).changed).toBe(false);
    expect((await apply('EXPIRED')).changed).toBe(false);
    expect(await repo.saleView('sale-1')).toMatchObject({ status: 'paid', payment: { status: 'SUCCEEDED' } });
  });

  it('closes the sale as cancelled only when the cashier cancelled', async () => {
    await applyStatus(db, { paymentId: 'pay-1', status: 'CANCELLED', source: 'cancel', at: 2 });
    expect((await repo.saleView('sale-1'))?.status).toBe('cancelled');
  });

  it('leaves the sale open to a retry after a payer-side cancel or expiry', async () => {
    await apply('CANCELLED');
    expect((await repo.saleView('sale-1'))?.status).toBe('unpaid');
  });
});
