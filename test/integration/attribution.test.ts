import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../electron/core/api/dispatcher';
import type { SaleView } from '../../shared/contract';
import type { GroupLine } from '../../shared/contract/report-views';
import { linkDevice, openDeviceNetwork, type LinkedDevice } from '../support/linked-device';
import { signInAs, type SignedIn } from '../support/sign-in';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { waitFor } from '../support/temp';
import { seedWristbands, topupPayload } from '../support/wristbands';

let kassa: StationWithShell;
afterEach(async () => {
  await kassa.close();
});

const key = () => `key-${Math.random().toString(36).slice(2)}`;

/** The station with its device network on, and the station window's training administrator. */
async function stationWithNetwork(): Promise<{ training: Caller }> {
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
  const training = await kassa.station.access.callerFor({ channel: 'local-http' });
  await openDeviceNetwork(kassa.station, training);
  return { training };
}

function link(training: Caller, name: string, kind: 'till' | 'bar'): Promise<LinkedDevice> {
  return linkDevice(kassa.station, training, { name, rights: 'employee', kind });
}

function tillOf(device: LinkedDevice): string {
  const { tillId } = device.device;
  if (!tillId) throw new Error(`${device.device.name} has no till`);
  return tillId;
}

/** A cash sale and a Bancontact sale paid in the training simulator, as the cashier at their own till. */
async function sellAtTill(cashier: SignedIn, cashCents: number, bancontactCents: number): Promise<SaleView> {
  await cashier.must('till.payCash', {
    amountCents: cashCents,
    tenderedCents: cashCents,
    idempotencyKey: key(),
  });
  const sale = await cashier.must('till.startPayment', {
    amountCents: bancontactCents,
    idempotencyKey: key(),
  });
  await kassa.must('training.scan', { saleId: sale.id });
  await kassa.must('training.confirm', { saleId: sale.id });
  return kassa.saleUntil(sale.id, (s) => s.status === 'paid');
}

const line = (lines: GroupLine[], id: string) => lines.find((l) => l.id === id);

function pdfText(fileName: string): string {
  const file = join(kassa.dataDir, 'exports', fileName);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('who did it and on which device', () => {
  it('splits the X per till and per cashier by name, and the Z records who closed it where', async () => {
    const { training } = await stationWithNetwork();
    const north = await link(training, 'Till North', 'till');
    const south = await link(training, 'Till South', 'till');
    const anna = await signInAs(kassa.station, 'cashier', { name: 'Anna', on: north.credentials });
    const bram = await signInAs(kassa.station, 'cashier', { name: 'Bram', on: south.credentials });
    const manager = await signInAs(kassa.station, 'manager', { name: 'Mira' });
    const stationDevice = (await manager.caller()).device?.id;
    expect(stationDevice).toBeTruthy();
    for (const till of [north, south]) {
      await manager.must('drawer.open', { tillId: tillOf(till), floatCents: 10_000 });
    }
    await manager.must('drawer.cashIn', { tillId: tillOf(north), amountCents: 500, reason: 'Coins' });

    const annaCard = await sellAtTill(anna, 1_000, 2_500);
    await sellAtTill(bram, 300, 700);

    const x = await manager.must('reports.getX', {});
    expect(x.byTill).toHaveLength(2);
    expect(line(x.byTill, tillOf(north))).toEqual({
      id: tillOf(north),
      name: 'Till North',
      count: 2,
      cents: 3_500,
    });
    expect(line(x.byTill, tillOf(south))).toEqual({
      id: tillOf(south),
      name: 'Till South',
      count: 2,
      cents: 1_000,
    });
    expect(line(x.byCashier, anna.staffId)).toEqual({
      id: anna.staffId,
      name: 'Anna',
      count: 2,
      cents: 3_500,
    });
    expect(line(x.byCashier, bram.staffId)).toEqual({
      id: bram.staffId,
      name: 'Bram',
      count: 2,
      cents: 1_000,
    });
    expect(x.byCashier).toHaveLength(2);
    const xPdf = pdfText((await manager.must('reports.exportPdf', { kind: 'x' })).fileName);
    expect(xPdf).toMatch(/Anna\s+2\s+€35\.00/);
    expect(xPdf).toMatch(/Till South \(\S+\)\s+2\s+€10\.00/);
    // The transactions list can be filtered by the person who sold.
    const annas = await manager.must('reports.listTransactions', { cashierId: anna.staffId, limit: 50 });
    expect(annas.rows.map((r) => [r.tillId, r.cashierName])).toEqual([
      [tillOf(north), 'Anna'],
      [tillOf(north), 'Anna'],
    ]);
    const detail = await manager.must('reports.getTransaction', { id: annas.rows[0]!.id });
    expect(detail.row.cashierName).toBe('Anna');

    const sales = kassa.query<{ id: string; cashier_id: string; device_id: string }>(
      'select id, cashier_id, device_id from sales order by created_at',
    );
    expect(sales.map((s) => [s.cashier_id, s.device_id])).toEqual([
      [anna.staffId, north.device.id],
      [anna.staffId, north.device.id],
      [bram.staffId, south.device.id],
      [bram.staffId, south.device.id],
    ]);
    const attempt = kassa.query<{ staff_id: string; device_id: string }>(
      'select staff_id, device_id from payments where sale_id = ?',
      annaCard.id,
    );
    expect(attempt).toEqual([{ staff_id: anna.staffId, device_id: north.device.id }]);

    for (const [till, counted] of [
      [north, 11_500],
      [south, 10_300],
    ] as const) {
      await manager.must('drawer.close', { tillId: tillOf(till), countedCents: counted });
    }
    const z = await manager.must('reports.closeDay', {});
    expect(line(z.byCashier, anna.staffId)?.name).toBe('Anna');
    expect(
      line((await manager.must('reports.getZ', { number: z.number! })).byTill, tillOf(south))?.name,
    ).toBe('Till South');
    // A Z keeps the names it was closed with; the next X says the new one.
    await kassa.must('staff.update', { staffId: anna.staffId, name: 'Anna Peeters' });
    expect(
      line((await manager.must('reports.getZ', { number: z.number! })).byCashier, anna.staffId)?.name,
    ).toBe('Anna');
    expect(
      line((await manager.must('reports.getX', { date: z.businessDate })).byCashier, anna.staffId)?.name,
    ).toBe('Anna Peeters');
    expect(kassa.query('select number, staff_id, device_id from z_reports')).toEqual([
      { number: z.number, staff_id: manager.staffId, device_id: stationDevice },
    ]);
    expect(
      kassa.query(
        'select till_id, cashier_id, device_id, closed_by_staff_id, closed_by_device_id from drawer_sessions order by till_id',
      ),
    ).toEqual(
      [north, south]
        .map((till) => ({
          till_id: tillOf(till),
          cashier_id: manager.staffId,
          device_id: stationDevice,
          closed_by_staff_id: manager.staffId,
          closed_by_device_id: stationDevice,
        }))
        .sort((a, b) => a.till_id.localeCompare(b.till_id)),
    );
    expect(kassa.query('select staff_id, device_id from drawer_movements')).toEqual([
      { staff_id: manager.staffId, device_id: stationDevice },
    ]);
  });

  it('records the bar person and device of a debit, and who credits, prints and refunds', async () => {
    const { training } = await stationWithNetwork();
    const bar = await link(training, 'Bar tent', 'bar');
    const bob = await signInAs(kassa.station, 'cashier', { name: 'Bob', on: bar.credentials });
    const manager = await signInAs(kassa.station, 'manager', { name: 'Mira' });
    const stationDevice = (await manager.caller()).device?.id;
    const [band] = await seedWristbands(kassa.dataDir, { count: 1 });
    // A visitor's own top-up comes in through Bancontact: nobody at the station did it.
    await payOnline(topupPayload(band!), 300);
    await waitFor(
      async () =>
        (await manager.must('wristbands.get', { wristbandId: band })).balanceCents ? true : undefined,
      5_000,
    );
    await payOnline(topupPayload('HELLO-WORLD'), 1_200);
    const [attention] = await waitFor(async () => {
      const list = await manager.must('topup.listAttention', {});
      return list.length === 1 ? list : undefined;
    }, 5_000);
    await manager.must('topup.resolveAttention', {
      bancontactId: attention!.bancontactId,
      wristbandId: band,
    });
    const debit = await bob.must('till.payWithWristband', {
      amountCents: 400,
      idempotencyKey: key(),
      wristbandId: band,
    });

    expect(kassa.query('select cashier_id, device_id from sales where id = ?', debit.id)).toEqual([
      { cashier_id: bob.staffId, device_id: bar.device.id },
    ]);
    const entries =
      'select kind, staff_id, device_id from wristband_entries where wristband_id = ? order by id';
    expect(kassa.query(entries, band)).toEqual([
      { kind: 'topup', staff_id: null, device_id: null },
      { kind: 'topup', staff_id: manager.staffId, device_id: stationDevice },
      { kind: 'debit', staff_id: bob.staffId, device_id: bar.device.id },
    ]);
    expect(
      kassa.query('select resolved_by_staff_id s, resolved_by_device_id d from topup_attention'),
    ).toEqual([{ s: manager.staffId, d: stationDevice }]);
    const x = await manager.must('reports.getX', {});
    expect(line(x.byCashier, bob.staffId)).toMatchObject({ name: 'Bob', count: 1, cents: 400 });
    expect(line(x.byTill, bar.device.tillId!)).toMatchObject({ name: 'Bar tent', count: 1 });

    const { batch, job } = await manager.must('topup.createBatch', {
      ...{ count: 2, amountMode: 'open', description: 'Festival top-up', eventName: 'Dour' },
      layout: 'label',
    });
    await waitFor(
      async () => (await manager.must('jobs.get', { jobId: job.jobId })).state !== 'running',
      10_000,
    );
    expect(kassa.query('select staff_id, device_id from topup_batches where id = ?', batch.id)).toEqual([
      { staff_id: manager.staffId, device_id: stationDevice },
    ]);

    // The station window holds one session at a time: the financial person takes over from the manager.
    const financial = await signInAs(kassa.station, 'financial', { name: 'Fien' });
    await kassa.must('topup.endEvent', { confirm: true });
    await refundsReady(financial);
    const exported = await financial.must('refunds.export', {
      debtorName: 'Festival vzw',
      debtorIban: 'BE68 5390 0754 7034',
    });
    expect(
      kassa.query('select staff_id, device_id from refund_exports where id = ?', exported.exportId),
    ).toEqual([{ staff_id: financial.staffId, device_id: stationDevice }]);
    expect(kassa.query(`${entries.replace('order by', "and kind = 'refund' order by")}`, band)).toEqual([
      { kind: 'refund', staff_id: financial.staffId, device_id: stationDevice },
    ]);
  });
});

/** A visitor pays a printed code in the training simulator, as a payer (with an IBAN a refund can use). */
async function payOnline(payload: string, amount: number): Promise<void> {
  const debtor = { name: 'Jan', iban: 'BE71096123456769' };
  const { paymentId } = await kassa.sim<{ paymentId: string }>('/_sim/payer/scan', {
    payload,
    amount,
    debtor,
  });
  await kassa.sim('/_sim/payer/confirm', { paymentId });
}

async function refundsReady(financial: { must: SignedIn['must'] }): Promise<void> {
  await waitFor(async () => {
    const prepared = await financial.must('refunds.prepare', {});
    return prepared.some((r) => r.status === 'ready') ? true : undefined;
  }, 5_000);
}
