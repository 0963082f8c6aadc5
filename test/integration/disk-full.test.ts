import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../shared/contract';
import { spawnDurableStation, type DurableStation } from '../support/durable-station';
import { startTestSimulator } from '../support/station-in-process';
import { tempDir, waitFor } from '../support/temp';

/**
 * Kassa's data folder is a small tmpfs of its own that a filler file fills up; the simulator keeps its
 * payments in memory in this process, so only Kassa's disk is full. The station runs as its own
 * process: a crash would show as its exit.
 */
const FULL_MESSAGE = /The disk holding Kassa's data is full: free space on /g;

type Answer = { status: number; body: { ok: boolean; value?: unknown; error?: Record<string, unknown> } };

let folder: { dir: string; remove(): void };
let dataDir: string;
let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let station: DurableStation | null = null;

beforeEach(async () => {
  folder = tempDir('kassa-disk-full-');
  dataDir = join(folder.dir, 'data');
  execFileSync('mkdir', ['-p', dataDir]);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12m', 'tmpfs', dataDir]);
  sim = await startTestSimulator();
});

afterEach(async () => {
  try {
    await station?.stop();
    station = null;
    await sim.close();
  } finally {
    execFileSync('umount', [dataDir]);
    folder.remove();
  }
});

async function post(method: string, input: unknown): Promise<Answer> {
  const response = await fetch(`${station!.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function must<T>(method: string, input: unknown): Promise<T> {
  const answer = await post(method, input);
  if (!answer.body.ok) throw new Error(`${method} failed: ${JSON.stringify(answer.body.error)}`);
  return answer.body.value as T;
}

let saleNumber = 0;
const cashSale = () =>
  post('till.payCash', {
    tillId: 'till-1',
    amountCents: 1_000,
    tenderedCents: 1_000,
    idempotencyKey: `disk-full-sale-${++saleNumber}`,
  });

/** Writes a file until the disk refuses another byte; returns its path. */
function fillTheDisk(): string {
  const filler = join(dataDir, 'filler.bin');
  const fd = openSync(filler, 'w');
  try {
    for (const size of [1024 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size, 0x5a);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}

async function setSimulatorLatency(latencyMs: number): Promise<void> {
  const response = await fetch(`${sim.baseUrl}/_sim/faults/global`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(latencyMs > 0 ? { latencyMs } : {}),
  });
  expect(response.status).toBe(200);
}

const start = async () => {
  station = await spawnDurableStation({ dataDir, simulatorUrl: sim.baseUrl, pollIntervalMs: 100 });
};
const fullMessages = () => station!.output().match(FULL_MESSAGE)?.length ?? 0;
const saleOf = (saleId: string) => must<SaleView>('till.getSale', { saleId });

function expectDiskFull(answer: Answer): void {
  expect(answer.status).toBe(507);
  expect(answer.body.error).toMatchObject({
    code: 'DISK_FULL',
    message: `The disk holding Kassa's data is full: free space on ${dataDir}`,
    folder: dataDir,
  });
}

function cashSalesOnDisk(): number {
  const db = new Database(join(dataDir, 'training.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("select count(*) as n from sales where tender = 'cash'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('a full disk', () => {
  it('refuses sales with the disk-full message, keeps an open payment, never crashes, and recovers without a restart', async () => {
    await start();
    await must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    expect((await cashSale()).body.ok).toBe(true);
    // A customer is about to pay by Bancontact at the other till when the disk fills up.
    const open = await must<SaleView>('till.startPayment', {
      tillId: 'till-2',
      amountCents: 2_500,
      idempotencyKey: 'disk-full-bancontact',
    });
    const filler = fillTheDisk();

    await sim.control('/_sim/payer/scan', { payload: open.payment!.deeplink });
    const paid = await sim.control<{ status: string }>('/_sim/payer/confirm', {
      paymentId: open.payment!.bancontactId,
    });
    expect(paid.body.status).toBe('SUCCEEDED');
    // The tracker hears SUCCEEDED, cannot save it, says so in the log, and lives on.
    await waitFor(() => fullMessages() > 0, 20_000, 'the disk-full line in the log');
    expect(station!.output()).toMatch(/first noticed saving payment/);
    // Every screen is told (station.getStatus and station.changed carry it).
    expect(await must('station.getStatus', {})).toMatchObject({ diskFull: { folder: dataDir } });

    for (let attempt = 0; attempt < 3; attempt++) expectDiskFull(await cashSale());
    expect(await must('drawer.get', { tillId: 'till-1' })).toMatchObject({ cashSalesCents: 1_000 });
    expect((await saleOf(open.id)).status).toBe('open');
    expect(station!.exit()).toBeNull();
    expect(fullMessages()).toBe(1);

    rmSync(filler);
    // No restart: the payment the customer paid is saved by the tracker's next try, and sales work again.
    const recorded = await waitFor(
      async () => {
        const sale = await saleOf(open.id);
        return sale.status === 'paid' ? sale : undefined;
      },
      30_000,
      'the paid Bancontact sale',
    );
    expect(recorded.payment?.status).toBe('SUCCEEDED');
    expect((await cashSale()).body.ok).toBe(true);
    expect(await must('drawer.get', { tillId: 'till-1' })).toMatchObject({ cashSalesCents: 2_000 });
    expect(station!.exit()).toBeNull();
    await waitFor(() => /free space is back on /.test(station!.output()), 20_000, 'the recovery line');
    expect(await must('station.getStatus', {})).toMatchObject({ diskFull: null });

    await station!.stop();
    expect(station!.exit()).toMatchObject({ code: 0 });
    // The refused sales left nothing behind: the two that were answered are the only ones on disk.
    expect(cashSalesOnDisk()).toBe(2);
    station = null;
  }, 120_000);

  it('starts on a full disk, refuses sales plainly, and sells again once space is freed', async () => {
    await start();
    await must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    expect((await cashSale()).body.ok).toBe(true);
    await station!.stop();
    const filler = fillTheDisk();

    await start();
    expectDiskFull(await cashSale());
    expect(station!.exit()).toBeNull();
    rmSync(filler);
    expect((await cashSale()).body.ok).toBe(true);
    await station!.stop();
    expect(cashSalesOnDisk()).toBe(2);
    // The full disk was not taken for a damaged book: nothing was set aside.
    expect(readdirSync(dataDir).filter((name) => name.includes('damaged'))).toEqual([]);
    station = null;
  }, 120_000);

  it('lets the cashier cancel a sale whose Bancontact payment was created while the disk filled up', async () => {
    await start();
    // Bancontact takes a moment to answer; the disk fills up before its answer can be written.
    await setSimulatorLatency(1_500);
    const asked = post('till.startPayment', {
      tillId: 'till-1',
      amountCents: 900,
      idempotencyKey: 'full-create',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const filler = fillTheDisk();
    expectDiskFull(await asked);
    await setSimulatorLatency(0);
    rmSync(filler);

    const [stuck] = await must<SaleView[]>('till.listSales', { limit: 1 });
    expect(stuck).toMatchObject({ status: 'open', tillId: 'till-1' });
    const cancelled = await must<SaleView>('till.cancelPayment', { saleId: stuck!.id });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.payment?.status).toBe('CREATE_FAILED');
    // The till is free again: the next sale gets its QR.
    const next = await must<SaleView>('till.startPayment', {
      tillId: 'till-1',
      amountCents: 900,
      idempotencyKey: 'after-the-full-disk',
    });
    expect(next.payment?.deeplink).toMatch(/^https:\/\/pay\.bancontact\.net\//);
    expect(station!.exit()).toBeNull();
  }, 120_000);
});
