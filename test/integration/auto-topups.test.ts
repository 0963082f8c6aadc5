import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import type { AgreementTillView, MethodName, MethodOutput } from '../../shared/contract';
import type { Db } from '../../electron/core/db/open-database';
import { rebuildTotals } from '../../electron/core/reports/rebuild';
import { agreementCharges, agreements } from '../../electron/core/db/schema';
import { chargesOf, reopenTestBooks, simControl, testPproClient } from '../support/agreement-charges';
import { startPproTestStation, type PproTestStation } from '../support/ppro-station';
import { signInAs } from '../support/sign-in';
import { waitFor } from '../support/temp';
import { seedWristbands } from '../support/wristbands';

/*
 * Automatic top-ups (docs/agreements.md): a wristband sold "below €5 add €20" at the till, authorised at
 * the test's own PPRO simulator (real HTTP), tops itself up by exactly one charge when debits take it
 * below the threshold, and *End the event* revokes it at PPRO. Both engines.
 */

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<MethodOutput<M>>;

let kassa: PproTestStation;
let books: Db;
afterEach(async () => {
  await books?.close();
  await kassa?.close();
});

const rule = { kind: 'auto_topup', thresholdCents: 500, topupCents: 2_000 } as const;
const consumer = { name: 'Jules Maes', email: 'jules@example.be', locale: 'fr' };
let keys = 0;
const key = (): string => `auto-topup-key-${++keys}`;

async function soldAndAuthorised(call: Call, wristbandId: string): Promise<AgreementTillView> {
  const manager = await signInAs(kassa.station.station, 'manager');
  const article = await manager.must('articles.save', {
    ...{ name: 'Polsbandje automatisch', priceCents: 2_000, vatRate: 0, recurringPlan: rule },
  });
  const started = await call('agreements.startAtTill', {
    ...{ tillId: 'till-1', idempotencyKey: key(), articleId: article.id, consumer, termsAccepted: true },
    wristbandId,
  });
  expect(started).toMatchObject({ kind: 'auto_topup', status: 'pending', amountCents: 2_000 });
  await kassa.ppro.control('/_sim/consumer/authorise', { codePayload: started.codePayload });
  return waitFor(
    async () => {
      const view = await call('agreements.getForTill', { tillId: 'till-1', agreementId: started.id });
      return view?.status === 'active' ? view : undefined;
    },
    8_000,
    'the agreement authorised',
  );
}

const pay = (call: Call, wristbandId: string, amountCents: number) =>
  call('till.payWithWristband', { tillId: 'till-1', idempotencyKey: key(), wristbandId, amountCents });

const balance = async (call: Call, wristbandId: string) =>
  (await call('wristbands.get', { wristbandId })).balanceCents;

/**
 * The X of the day: only the bar's three debits (€14 + €1.50 + €1.50) are turnover; the €40 of the two
 * charges is wristband money under its own line, with no VAT, and what the wristbands hold counts it.
 */
async function expectXOfTopupsAndDebits(call: Call): Promise<void> {
  const x = await call('reports.getX', {});
  expect(x.sales).toEqual({ count: 3, cents: 1_700 });
  expect(x.byMethod.find((m) => m.method === 'agreement')).toEqual({
    method: 'agreement',
    count: 0,
    cents: 0,
  });
  expect(x.byMethod.find((m) => m.method === 'wristband')).toMatchObject({ count: 3, cents: 1_700 });
  expect(x.byMethod.map((m) => m.method)).not.toContain('agreement_topup');
  expect(x.byVatRate.reduce((n, v) => n + v.grossCents, 0)).toBe(1_700);
  expect(x.byShop.reduce((n, s) => n + s.cents, 0)).toBe(1_700);
  expect(x.wristbands).toEqual({
    ...{ topUps: { count: 0, cents: 0 }, automaticTopUps: { count: 2, cents: 4_000 } },
    ...{ spent: { count: 3, cents: 1_700 }, refunds: { count: 0, cents: 0 }, outstandingCents: 2_300 },
  });
  const summary = await call('reports.getSummaries', {});
  expect(summary.today.byMethod.find((m) => m.method === 'agreement_topup')).toEqual({
    ...{ method: 'agreement_topup', count: 2, cents: 4_000 },
  });
}

it('tops a wristband up by exactly one charge after two quick debits, and the end of the event revokes it', async () => {
  kassa = await startPproTestStation({ station: { agreementPollIntervalMs: 100 } });
  const { station, ppro } = kassa;
  books = await reopenTestBooks(station.database ?? join(station.dataDir, 'training.sqlite'));
  const call = station.must as Call;
  const [band] = await seedWristbands(station.dataDir, { count: 1 });
  const sold = await soldAndAuthorised(call, band!);

  // The first charge, paid at the till, is the wristband's first top-up.
  expect(await balance(call, band!)).toBe(2_000);
  await pay(call, band!, 1_400);
  expect(await chargesOf(books, sold.id)).toHaveLength(1);

  // Two debits at once, each leaving it below €5: one charge of the whole €20.
  await Promise.all([pay(call, band!, 150), pay(call, band!, 150)]);
  await waitFor(async () => (await balance(call, band!)) === 2_300, 15_000, 'the top-up credited');
  // The wristband's screens hear of the credit.
  const told = (e: (typeof station.events)[number]) =>
    e.name === 'wristbands.changed' && e.payload.wristbandId === band && e.payload.balanceCents === 2_300;
  await waitFor(async () => station.events.some(told), 5_000, 'wristbands.changed after the top-up');
  const charges = await chargesOf(books, sold.id);
  expect(charges.map((c) => [c.period, c.status, c.amountCents])).toEqual([
    [0, 'captured', 2_000],
    [1, 'captured', 2_000],
  ]);
  // The receipt waits for the mail server (none is set up here).
  expect(charges[1]!.receiptMailedAt).toBeNull();
  const client = testPproClient(ppro.baseUrl);
  expect((await client.listCharges(sold.pproId!)).map((c) => c.amount)).toEqual([2_000, 2_000]);
  const view = await call('wristbands.get', { wristbandId: band });
  expect(view.entries.filter((e) => e.kind === 'topup').map((e) => e.amountCents)).toEqual([2_000, 2_000]);
  const shown = { agreementId: sold.id, thresholdCents: 500, topupCents: 2_000 };
  expect(view.autoTopup).toEqual({ ...shown, status: 'active' });
  // Both charges (the first at the till, the automatic one) are top-ups in the books, not sales.
  const listed = await call('reports.listTransactions', { method: 'agreement_topup', limit: 10 });
  expect(listed.rows.map((r) => [r.amountCents, r.vatRate, r.wristbandId])).toEqual([
    [2_000, null, band],
    [2_000, null, band],
  ]);
  expect((await call('reports.listTransactions', { method: 'agreement', limit: 10 })).rows).toEqual([]);
  const liability = await call('topup.getLiability', {});
  expect(liability).toMatchObject({ toppedUpCents: 4_000, outstandingCents: 2_300 });
  await expectXOfTopupsAndDebits(call);
  // Each top-up counted once: a rebuild of the totals from the books finds what was booked.
  expect((await rebuildTotals(books)).differences).toBe(0);
  // A top-up's money is on the wristband: a manager cannot refund it as a charge (it would stay there).
  const manager = await signInAs(kassa.station.station, 'manager');
  const refund = await manager.call('agreements.refundCharge', { chargeId: charges[1]!.id });
  expect(refund).toMatchObject({ ok: false, error: { code: 'PAYMENT_NOT_REFUNDABLE' } });
  expect(await balance(call, band!)).toBe(2_300);

  // Credited back above the threshold: a debit that leaves it above charges nothing.
  // (The charge would be written with the debit, in its unit of work.)
  await pay(call, band!, 1_000);
  expect(await chargesOf(books, sold.id)).toHaveLength(2);

  // The end of the event: PPRO cannot be reached the first time; the station says so and tries again.
  await simControl(ppro.baseUrl, '/faults', { next: ['503'] }, 'PUT');
  const ended = await call('topup.endEvent', { confirm: true });
  expect(ended.autoTopupsToRevoke).toBe(1);
  // Nothing else asks PPRO meanwhile: the station met the 503 itself, and revoked it at a later round.
  const row = await waitFor(
    async () => {
      const [read] = await books.read((q) => q.select().from(agreements).where(eq(agreements.id, sold.id)));
      return read?.status === 'revoked' ? read : undefined;
    },
    20_000,
    'revoked in Kassa',
  );
  expect(row.revokedBy).toBe('event_end');
  expect((await client.getAgreement(sold.pproId!)).status).toBe('REVOKED');
  expect((await call('topup.getEvent', {})).autoTopupsToRevoke).toBe(0);
  expect((await call('wristbands.get', { wristbandId: band })).autoTopup).toEqual({
    ...shown,
    status: 'revoked',
  });

  // Reopened, a debit below the threshold charges nothing any more.
  await call('topup.reopenEvent', {});
  await pay(call, band!, 1_000);
  expect(await balance(call, band!)).toBe(300);
  const open = await books.read((q) =>
    q
      .select()
      .from(agreementCharges)
      .where(and(eq(agreementCharges.agreementId, sold.id), eq(agreementCharges.period, 2))),
  );
  expect(open).toEqual([]);
  expect(await client.listCharges(sold.pproId!)).toHaveLength(2);
});
