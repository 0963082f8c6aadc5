import { afterEach, describe, expect, it } from 'vitest';
import type { InboxMessageView } from '../../shared/contract/inbox-methods';
import type { SaleView } from '../../shared/contract';
import {
  DEFAULT_PROFILES,
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  TRAINING_TOPUP_PROFILE,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { databaseSql } from '../support/database-sql';
import { freePort } from '../support/lan';
import { signInAs, type SignedIn } from '../support/sign-in';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { waitFor } from '../support/temp';
import { seedWristbands, topupPayload } from '../support/wristbands';

/*
 * Inbox messages of the other causes, each made real: a printer at a port nobody listens on, a refund
 * Bancontact will only pay by IBAN, a top-up paid for a wristband nobody has. Each goes once its cause
 * is dealt with.
 */

let kassa: StationWithShell;
let simulator: SimulatorServer | null = null;
afterEach(async () => {
  await kassa.close();
  await simulator?.close();
  simulator = null;
});

const ofKind = async (person: SignedIn, kind: InboxMessageView['kind']) =>
  (await person.must('inbox.list', {})).messages.filter((m) => m.kind === kind);
const waitForMessage = (person: SignedIn, kind: InboxMessageView['kind']) =>
  waitFor(async () => (await ofKind(person, kind))[0], 5_000, `a ${kind} message`);

describe('inbox messages of their causes', () => {
  it('a printer offline: for the administrator who sets printers up, gone when it is removed', async () => {
    kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
    const port = await freePort('127.0.0.1');
    const saved = await kassa.must('printers.save', {
      ...{ name: 'Bar', host: '127.0.0.1', port, paperMm: 58, codePage: 'cp858', drawer: false },
    });
    const printerId = saved.printers[0]!.id;
    await kassa.must('printers.setTill', { tillId: 'till-1', printerId, autoPrint: true });
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    await kassa.must('till.payCash', {
      ...{ amountCents: 750, tenderedCents: 1_000, idempotencyKey: 'inbox-printer-1', tillId: 'till-1' },
    });
    const manager = await signInAs(kassa.station, 'manager');
    await waitFor(
      async () => (await kassa.must('receipts.queue', {})).printers[0]?.state === 'offline',
      5_000,
      'the printer offline',
    );
    expect(await ofKind(manager, 'printer_offline')).toEqual([]);
    const admin = await signInAs(kassa.station, 'administrator');
    const message = await waitForMessage(admin, 'printer_offline');
    expect(message).toMatchObject({
      link: 'settings',
      severity: 'error',
      read: false,
      facts: { name: 'Bar', count: 1 },
    });
    await admin.must('printers.remove', { printerId });
    expect(await ofKind(admin, 'printer_offline')).toEqual([]);
  });

  it('a refund waiting for the payer’s IBAN: for managers, not cashiers, gone once paid by transfer', async () => {
    kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
    databaseSql(kassa.dataDir, 'station').exec(`INSERT INTO articles
      (id, name, price_cents, vat_rate, active, shop_ids, created_at, updated_at) VALUES
      ('pils', 'Pils', 350, 21, 1, '[]', 0, 0)`);
    await kassa.must('settings.getRefundSigningKey', {});
    await kassa.sim(`/_sim/profiles/${TRAINING_DISPLAY_PROFILE.ppid}/refund-api`, { enabled: false }, 'PUT');
    const sale = await bancontactSale(700, { lines: [{ articleId: 'pils', quantity: 2 }] });
    const cashier = await signInAs(kassa.station, 'cashier');
    expect(await ofKind(cashier, 'refund_waiting')).toEqual([]);
    const manager = await signInAs(kassa.station, 'manager');
    const view = await manager.must('returns.get', { saleId: sale.id });
    const refund = await manager.must('returns.refund', {
      ...{ idempotencyKey: 'inbox-refund-1', saleId: sale.id, tender: view.tenders[0]!.source },
      lines: [{ saleLineId: view.lines[0]!.saleLineId, quantity: 1 }],
    });
    expect(refund.status).toBe('awaiting_iban');
    expect(await ofKind(manager, 'refund_waiting')).toEqual([
      expect.objectContaining({
        link: 'reports',
        facts: { amountCents: 350, name: sale.id, reason: 'REFUND_BY_IBAN' },
      }),
    ]);
    await manager.must('returns.payByIban', {
      ...{ refundId: refund.id, iban: 'BE71 0961 2345 6769', name: 'Anna Peeters' },
      ...{ debtorName: 'Café De Kassa', debtorIban: 'BE68539007547034', executionDate: '2026-12-07' },
    });
    expect(await ofKind(manager, 'refund_waiting')).toEqual([]);
  });

  it('a top-up that could not be credited: for managers, gone once credited by hand', async () => {
    kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000, sweepIntervalMs: 3_600_000 });
    const { paymentId } = await kassa.sim<{ paymentId: string }>('/_sim/payer/scan', {
      ...{ payload: topupPayload('HELLO-WORLD'), amount: 600 },
    });
    await kassa.sim('/_sim/payer/confirm', { paymentId });
    const manager = await signInAs(kassa.station, 'manager');
    const message = await waitForMessage(manager, 'topup_attention');
    expect(message).toMatchObject({
      link: 'topup',
      facts: { amountCents: 600, reason: 'malformed_reference', name: 'HELLO-WORLD' },
    });
    const [band] = (await seedWristbands(kassa.dataDir, { count: 1 })) as [string];
    const resolved = await manager.call('topup.resolveAttention', {
      bancontactId: paymentId,
      wristbandId: band,
    });
    expect(resolved.ok).toBe(true);
    expect(await ofKind(manager, 'topup_attention')).toEqual([]);
  });

  it('a wristband balance waiting for the payer’s IBAN: for financial users, gone once Bancontact gives it', async () => {
    // A top-up profile whose payer's IBAN Bancontact knows only an hour later.
    const profiles = DEFAULT_PROFILES.map((p) =>
      p.ppid === TRAINING_TOPUP_PROFILE.ppid ? { ...p, refundIbanDelaySeconds: 3_600 } : p,
    );
    simulator = await startSimulatorServer({ port: 0, profiles });
    kassa = await startStationWithShell({ simulatorUrl: simulator.baseUrl, topupSweepIntervalMs: 150 });
    const [band] = (await seedWristbands(kassa.dataDir, { count: 1 })) as [string];
    const { paymentId } = await kassa.sim<{ paymentId: string }>('/_sim/payer/scan', {
      ...{ payload: topupPayload(band), amount: 900 },
    });
    await kassa.sim('/_sim/payer/confirm', { paymentId });
    await waitFor(
      async () => (await kassa.must('wristbands.get', { wristbandId: band })).balanceCents === 900,
      3_000,
    );
    await kassa.must('refunds.prepare', {});
    const manager = await signInAs(kassa.station, 'manager');
    expect(await ofKind(manager, 'wristband_refund_waiting')).toEqual([]);
    const financial = await signInAs(kassa.station, 'financial');
    expect(await ofKind(financial, 'wristband_refund_waiting')).toEqual([
      expect.objectContaining({
        link: 'topup',
        facts: { amountCents: 900, name: band, reason: 'REFUND_NOT_AVAILABLE' },
      }),
    ]);
    await kassa.sim('/_sim/clock/advance', { ms: 3_601_000 });
    await financial.must('refunds.prepare', {});
    expect(await ofKind(financial, 'wristband_refund_waiting')).toEqual([]);
  });
});

async function bancontactSale(amountCents: number, basket: unknown): Promise<SaleView> {
  const started = await kassa.must('till.startPayment', {
    ...{ amountCents, idempotencyKey: 'inbox-sale-1', tillId: 'till-1', basket },
  });
  await kassa.must('training.scan', { saleId: started.id });
  await kassa.must('training.confirm', { saleId: started.id });
  return kassa.saleUntil(started.id, (s) => s.status === 'paid');
}
