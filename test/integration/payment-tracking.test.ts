import { afterEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../shared/contract';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { waitFor } from '../support/temp';

let kassa: StationWithShell;
afterEach(async () => {
  await kassa.close();
});

// Polling is slowed right down, so anything that arrives quickly came by callback or sweep.
const CALLBACKS_ONLY = { pollIntervalMs: 60_000, sweepIntervalMs: 3_600_000 };

async function payAtSimulator(sale: SaleView): Promise<void> {
  await kassa.sim('/_sim/payer/scan', { payload: sale.payment!.deeplink });
  await kassa.sim('/_sim/payer/confirm', { paymentId: sale.payment!.bancontactId });
}

const start = (amountCents = 1250) =>
  kassa.must('till.startPayment', { amountCents, idempotencyKey: `key-${Math.random()}` });
const sources = async (sale: SaleView) =>
  (await kassa.must('payments.getTimeline', { paymentId: sale.payment!.id })).map(
    (e) => `${e.to}:${e.source}`,
  );

describe('signed callbacks from Bancontact', () => {
  it('deliver Paid without waiting for a poll, and the timeline says so', async () => {
    kassa = await startStationWithShell(CALLBACKS_ONLY);
    expect((await kassa.must('settings.get', {})).callbackUrl).toMatch(/\/callbacks\/[0-9a-f]{24}$/);
    const sale = await start();
    await payAtSimulator(sale);
    await kassa.saleUntil(sale.id, (s) => s.status === 'paid', 3_000);
    expect(await sources(sale)).toEqual([
      'PENDING:create',
      'IDENTIFIED:callback',
      'AUTHORIZED:callback',
      'SUCCEEDED:callback',
    ]);
  });

  it('book a payment once however often a callback is duplicated or retried', async () => {
    kassa = await startStationWithShell(CALLBACKS_ONLY);
    await kassa.sim('/_sim/faults/global', { callbackDuplicateRate: 1 }, 'PUT');
    const sale = await start();
    await payAtSimulator(sale);
    await kassa.saleUntil(sale.id, (s) => s.status === 'paid', 3_000);
    await kassa.sim('/_sim/callbacks/flush', {});
    const { callbacks } = await kassa.sim<{ callbacks: Array<{ jti: string }> }>(
      `/_sim/callbacks?paymentId=${sale.payment!.bancontactId}`,
    );
    // Each status change went out twice; the station kept one receipt per jti and booked once.
    const received = kassa.query<{ jti: string }>('select jti from callback_receipts');
    expect(received.map((r) => r.jti).sort()).toEqual([...new Set(callbacks.map((c) => c.jti))].sort());
    const succeeded = kassa.query<{ n: number }>(
      "select count(*) n from payment_events where to_status = 'SUCCEEDED'",
    );
    expect(succeeded[0]?.n).toBe(1);
  });

  it('are rejected when forged, recorded for the manager, and never applied', async () => {
    kassa = await startStationWithShell(CALLBACKS_ONLY);
    const sale = await start();
    await kassa.sim('/_sim/payer/scan', { payload: sale.payment!.deeplink });
    await kassa.saleUntil(sale.id, (s) => s.payment?.status === 'IDENTIFIED', 3_000);
    const {
      callbacks: [genuine],
    } = await kassa.sim<{ callbacks: Array<{ url: string; body: string; signature: string }> }>(
      `/_sim/callbacks?paymentId=${sale.payment!.bancontactId}`,
    );
    const forgedBody = genuine!.body.replace('"IDENTIFIED"', '"SUCCEEDED"');
    const forged = await fetch(genuine!.url, {
      method: 'POST',
      headers: { signature: genuine!.signature, 'content-type': 'application/json' },
      body: forgedBody,
    });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    const unsigned = await fetch(genuine!.url, { method: 'POST', body: forgedBody });
    expect(unsigned.status).toBe(401);
    const replay = await fetch(genuine!.url, {
      method: 'POST',
      headers: { signature: genuine!.signature },
      body: genuine!.body,
    });
    expect(replay.status).toBe(200);
    const otherProfile = await fetch(genuine!.url.replace(/[0-9a-f]{24}$/, 'ca55a0000000000000000099'), {
      method: 'POST',
      headers: { signature: genuine!.signature },
      body: genuine!.body,
    });
    expect(otherProfile.status).toBe(404);
    expect((await kassa.must('till.getSale', { saleId: sale.id })).payment?.status).toBe('IDENTIFIED');
    const rejections = kassa.query<{ reason: string }>('select reason from callback_rejections order by id');
    expect(rejections.map((r) => r.reason)).toEqual(['BAD_SIGNATURE', 'MISSING_SIGNATURE']);
    // The manager reads them through the contract, counted per reason and hour, newest first, without the signature itself.
    const listed = await kassa.must('payments.listRejectedCallbacks', {});
    expect(listed.map((r) => [r.reason, r.count])).toEqual([
      ['MISSING_SIGNATURE', 1],
      ['BAD_SIGNATURE', 1],
    ]);
    expect(listed[1]!.samples[0]!.bodyExcerpt).toContain('"SUCCEEDED"');
    expect(JSON.stringify(listed)).not.toContain(genuine!.signature.split('.')[2]);
  });

  it('that fail verification leave the sale to polling, which still finds it paid', async () => {
    kassa = await startStationWithShell({ pollIntervalMs: 200 });
    await kassa.sim('/_sim/faults/global', { callbackBadSignatureRate: 1 }, 'PUT');
    const sale = await start();
    await payAtSimulator(sale);
    await kassa.saleUntil(sale.id, (s) => s.status === 'paid', 3_000);
    expect(await sources(sale)).toContain('SUCCEEDED:poll');
    expect(kassa.query('select * from callback_rejections').length).toBeGreaterThan(0);
  });
});

describe('the search sweep', () => {
  it('finds a payment whose callbacks were all dropped', async () => {
    kassa = await startStationWithShell({ pollIntervalMs: 60_000, sweepIntervalMs: 200 });
    await kassa.sim('/_sim/faults/global', { callbackDropRate: 1 }, 'PUT');
    const sale = await start();
    await payAtSimulator(sale);
    await kassa.saleUntil(sale.id, (s) => s.status === 'paid', 3_000);
    expect(await sources(sale)).toContain('SUCCEEDED:sweep');
  });
});

describe('a sticker till', () => {
  it('creates payments for its POS id and lets a new sale replace the open one', async () => {
    kassa = await startStationWithShell({ pollIntervalMs: 100 });
    expect(await kassa.must('settings.setStickerPosId', { stickerPosId: 'POS00001' })).toMatchObject({
      stickerPosId: 'POS00001',
    });
    const first = await start(500);
    expect(first.payment).toMatchObject({ posId: 'POS00001', status: 'PENDING' });
    const second = await start(700);
    await kassa.saleUntil(first.id, (s) => s.status === 'cancelled');
    const simFirst = await kassa.sim<{ status: string }>(`/_sim/payments/${first.payment!.bancontactId}`);
    expect(simFirst.status).toBe('CANCELLED');
    await kassa.must('training.scan', { saleId: second.id });
    await kassa.must('training.confirm', { saleId: second.id });
    await kassa.saleUntil(second.id, (s) => s.status === 'paid');
  });

  it('gives each till its own sticker: two tills take payments at once without cancelling each other', async () => {
    kassa = await startStationWithShell({ pollIntervalMs: 100 });
    await kassa.must('settings.setStickerPosId', { stickerPosId: 'POS00001' });
    const shared = await kassa.call('settings.setSalesSetup', {
      tills: [
        { tillId: 'till-2', stickerPosId: 'POS00002' },
        { tillId: 'till-3', stickerPosId: 'POS00002' },
      ],
    });
    expect(shared).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await kassa.must('settings.setSalesSetup', { tills: [{ tillId: 'till-2', stickerPosId: 'POS00002' }] });
    const one = await kassa.must('till.startPayment', {
      amountCents: 500,
      idempotencyKey: 'sticker-till-1',
      tillId: 'till-1',
    });
    const two = await kassa.must('till.startPayment', {
      amountCents: 700,
      idempotencyKey: 'sticker-till-2',
      tillId: 'till-2',
    });
    expect(one.payment).toMatchObject({ posId: 'POS00001', status: 'PENDING' });
    expect(two.payment).toMatchObject({ posId: 'POS00002', status: 'PENDING' });
    for (const sale of [one, two]) {
      const atBancontact = await kassa.sim<{ status: string }>(
        `/_sim/payments/${sale.payment!.bancontactId}`,
      );
      expect(atBancontact.status).not.toBe('CANCELLED');
    }
    await kassa.must('training.scan', { saleId: one.id });
    await kassa.must('training.confirm', { saleId: one.id });
    await kassa.saleUntil(one.id, (s) => s.status === 'paid');
    expect((await kassa.must('till.getSale', { saleId: two.id })).status).toBe('open');
  });

  it('refuses a POS id Bancontact would refuse', async () => {
    kassa = await startStationWithShell();
    const result = await kassa.call('settings.setStickerPosId', { stickerPosId: 'POS-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('without a public URL', () => {
  it('says the station works by polling alone, and polling confirms payments', async () => {
    const { startSimulatorServer } = await import('../../electron/core/simulator');
    const sim = await startSimulatorServer({ port: 0 });
    kassa = await startStationWithShell({ simulatorUrl: sim.baseUrl, pollIntervalMs: 100 });
    try {
      expect((await kassa.must('settings.get', {})).callbackUrl).toBeNull();
      const sale = await start();
      await payAtSimulator(sale);
      await kassa.saleUntil(sale.id, (s) => s.status === 'paid');
      expect(await waitFor(async () => (await sources(sale)).includes('SUCCEEDED:poll'))).toBe(true);
    } finally {
      await kassa.close();
      await sim.close();
      kassa = await startStationWithShell();
    }
  });
});
