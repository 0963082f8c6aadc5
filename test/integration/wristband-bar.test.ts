import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result, SaleView } from '../../shared/contract';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { waitFor } from '../support/temp';
import { newWristbandId, seedWristbands, topupPayload, writeDb } from '../support/wristbands';

let kassa: StationWithShell;
let bands: string[];
beforeEach(async () => {
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
  bands = await seedWristbands(kassa.dataDir, { count: 4 });
});
afterEach(async () => {
  await kassa.close();
});

async function topUp(wristbandId: string, amount: number): Promise<void> {
  const { paymentId } = await kassa.sim<{ paymentId: string }>('/_sim/payer/scan', {
    payload: topupPayload(wristbandId),
    amount,
  });
  await kassa.sim('/_sim/payer/confirm', { paymentId });
  await waitFor(
    async () => (await kassa.must('wristbands.get', { wristbandId })).balanceCents >= amount,
    3_000,
  );
}

/** A till's request over the HTTP shell, exactly as a browser till sends it. */
async function payOverHttp(input: Record<string, unknown>): Promise<Result<SaleView>> {
  const response = await fetch(`${kassa.shell.url}/api/till.payWithWristband`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Result<SaleView>;
}

const key = () => `key-${Math.random().toString(36).slice(2)}`;
const codeOf = (result: Result<unknown>) => (result.ok ? 'OK' : result.error.code);

describe('paying at the bar with a wristband', () => {
  it('never takes a balance below zero when 20 tills debit the same wristband at once', async () => {
    const [band] = bands;
    await topUp(band!, 10_000);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        payOverHttp({ amountCents: 700, idempotencyKey: key(), tillId: `bar-${i}`, wristbandId: band }),
      ),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(14);
    expect(codes.filter((c) => c === 'INSUFFICIENT_FUNDS')).toHaveLength(6);
    const view = await kassa.must('wristbands.get', { wristbandId: band });
    expect(view.balanceCents).toBe(10_000 - 14 * 700);
    expect(view.entries.filter((e) => e.kind === 'debit')).toHaveLength(14);
    const paidSales = kassa.query<{ n: number }>(
      "select count(*) n from sales where tender = 'wristband' and status = 'paid'",
    );
    expect(paidSales[0]?.n).toBe(14);
    expect(await kassa.must('topup.getLiability', {})).toMatchObject({
      toppedUpCents: 10_000,
      spentCents: 9_800,
      refundedCents: 0,
      outstandingCents: 200,
    });
  });

  it('records a paid wristband sale, and a retried request never debits twice', async () => {
    const [band] = bands;
    await topUp(band!, 2_000);
    const idempotencyKey = key();
    // A keyboard-wedge scanner types the whole printed payload; that is accepted as the id.
    const sale = await kassa.must('till.payWithWristband', {
      amountCents: 750,
      idempotencyKey,
      wristbandId: topupPayload(band!),
    });
    expect(sale).toMatchObject({
      tillId: 'till-1',
      amountCents: 750,
      status: 'paid',
      tender: 'wristband',
      wristbandId: band,
      payment: null,
    });
    const again = await kassa.must('till.payWithWristband', {
      amountCents: 750,
      idempotencyKey,
      wristbandId: band,
    });
    expect(again.id).toBe(sale.id);
    const other = await kassa.call('till.payWithWristband', {
      amountCents: 800,
      idempotencyKey,
      wristbandId: band,
    });
    expect(codeOf(other)).toBe('CONFLICT');
    const view = await kassa.must('wristbands.get', { wristbandId: band });
    expect(view.balanceCents).toBe(1_250);
    expect(view.entries[0]).toMatchObject({ kind: 'debit', amountCents: -750, saleId: sale.id });
    expect(await kassa.must('till.getSale', { saleId: sale.id })).toEqual(sale);
    const bancontactSale = await kassa.must('till.startPayment', {
      amountCents: 100,
      idempotencyKey: key(),
      tillId: 'till-2',
    });
    expect(bancontactSale).toMatchObject({ tender: 'bancontact', wristbandId: null });
  });

  it('refuses blocked, closed, unknown and malformed wristbands, and a till with an open payment', async () => {
    const [blocked, closed, funded] = bands;
    await topUp(blocked!, 1_000);
    await topUp(funded!, 100);
    await kassa.must('wristbands.block', { wristbandId: blocked });
    await writeDb(kassa.dataDir, "update wristbands set status = 'closed' where id = ?", closed);
    const pay = (wristbandId: string, amountCents = 50, tillId = 'till-1') =>
      kassa.call('till.payWithWristband', { amountCents, idempotencyKey: key(), wristbandId, tillId });
    expect(codeOf(await pay(blocked!))).toBe('WRISTBAND_BLOCKED');
    expect(codeOf(await pay(closed!))).toBe('WRISTBAND_CLOSED');
    expect(codeOf(await pay(newWristbandId()))).toBe('NOT_FOUND');
    // One character typed wrong: the check characters catch it.
    const typo = `${funded!.slice(0, -1)}${funded!.endsWith('0') ? '1' : '0'}`;
    expect(codeOf(await pay(typo))).toBe('INVALID_WRISTBAND_ID');
    expect(codeOf(await pay(funded!, 101))).toBe('INSUFFICIENT_FUNDS');
    await kassa.must('till.startPayment', { amountCents: 100, idempotencyKey: key(), tillId: 'till-3' });
    expect(codeOf(await pay(funded!, 50, 'till-3'))).toBe('PAYMENT_OPEN');
    expect((await kassa.must('wristbands.get', { wristbandId: funded })).balanceCents).toBe(100);
    expect(kassa.query<{ n: number }>("select count(*) n from sales where tender = 'wristband'")[0]?.n).toBe(
      0,
    );
  });

  it('moves a lost wristband’s balance to a new one: the old one blocked, both histories kept', async () => {
    const [lost, replacement, third] = bands;
    await topUp(lost!, 3_000);
    const moved = await kassa.must('wristbands.moveBalance', { fromId: lost, toId: replacement });
    expect(moved.from).toMatchObject({ status: 'blocked', balanceCents: 0, movedTo: replacement });
    expect(moved.to).toMatchObject({ status: 'active', balanceCents: 3_000, movedTo: null });
    expect(moved.from.entries[0]).toMatchObject({ kind: 'transfer_out', amountCents: -3_000 });
    expect(moved.to.entries[0]).toMatchObject({ kind: 'transfer_in', amountCents: 3_000 });
    expect(await kassa.must('wristbands.moveBalance', { fromId: lost, toId: replacement })).toEqual(moved);
    const elsewhere = await kassa.call('wristbands.moveBalance', { fromId: lost, toId: third });
    expect(codeOf(elsewhere)).toBe('CONFLICT');
    const back = await kassa.call('wristbands.moveBalance', { fromId: replacement, toId: lost });
    expect(codeOf(back)).toBe('WRISTBAND_BLOCKED');
    expect(await kassa.must('topup.getLiability', {})).toMatchObject({
      toppedUpCents: 3_000,
      outstandingCents: 3_000,
      wristbandsWithBalance: 1,
    });
  });
});
