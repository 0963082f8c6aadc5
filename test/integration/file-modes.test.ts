import { chmodSync, lstatSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callHttp, spawnStation, type StationProcess } from '../support/station-process';
import { tempDir, waitFor } from '../support/temp';

/**
 * The real station process (`npm run station`, whose entry point sets the umask) after a session of
 * cash and Bancontact sales, a printed batch, a top-up, report exports and a refund file: its data
 * folder and every folder in it are 0700, every file 0600. An older install left readable by others
 * (0644 files, 0755 folders) is tightened at the next start, without following links out of it.
 */

const ORGANISER = { debtorName: 'Festival vzw', debtorIban: 'BE68 5390 0754 7034' };
const folder = tempDir();
const outside = tempDir();
let station: StationProcess;

afterAll(async () => {
  await station?.stop();
  folder.remove();
  outside.remove();
});

async function must<T>(method: string, input: unknown = {}): Promise<T> {
  const result = await callHttp<T>(station.url, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Every entry under `dir` (the folder itself included) with its permission bits, links left out. */
function modes(dir: string): Map<string, { mode: number; folder: boolean }> {
  const found = new Map<string, { mode: number; folder: boolean }>();
  const visit = (path: string): void => {
    const stats = lstatSync(path);
    if (stats.isSymbolicLink()) return;
    found.set(path.slice(dir.length) || '/', { mode: stats.mode & 0o777, folder: stats.isDirectory() });
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return found;
}

function expectPrivate(dir: string): void {
  const loose = [...modes(dir)]
    .filter(([, { mode, folder }]) => mode !== (folder ? 0o700 : 0o600))
    .map(([path, { mode }]) => `${path} ${mode.toString(8)}`);
  expect(loose).toEqual([]);
}

async function sellCashAndBancontact(): Promise<void> {
  await must('settings.setLocale', { locale: 'nl' });
  await must('drawer.open', { floatCents: 10_000 });
  await must('till.payCash', { amountCents: 450, tenderedCents: 500, idempotencyKey: 'file-modes-cash-1' });
  const sale = await must<{ id: string }>('till.startPayment', {
    amountCents: 700,
    idempotencyKey: 'file-modes-bc-1',
  });
  await must('training.scan', { saleId: sale.id });
  await must('training.confirm', { saleId: sale.id });
  await waitFor(
    async () => (await must<{ status: string }>('till.getSale', { saleId: sale.id })).status === 'paid',
  );
}

async function printAndTopUp(): Promise<void> {
  const batch = {
    count: 2,
    amountMode: 'fixed',
    amountCents: 2_000,
    description: 'Top-up',
    eventName: 'Fest',
  };
  const { batch: printed, job } = await must<{ batch: { firstWristbandId: string }; job: { jobId: string } }>(
    'topup.createBatch',
    { ...batch, layout: 'label' },
  );
  await waitFor(
    async () => (await must<{ state: string }>('jobs.get', { jobId: job.jobId })).state === 'done',
  );
  const wristbandId = printed.firstWristbandId;
  await must('training.topUp', { wristbandId });
  await waitFor(
    async () => (await must<{ balanceCents: number }>('wristbands.get', { wristbandId })).balanceCents,
  );
}

async function exportReportsAndRefunds(): Promise<void> {
  await must('reports.exportCsv', {});
  await must('reports.exportPdf', { kind: 'x' });
  await must('topup.endEvent', { confirm: true });
  // An IBAN Bancontact has not got yet keeps its refund waiting until the next prepare (the organiser's
  // *Fetch IBANs* again): ask until the refund file can be made.
  await waitFor(async () => {
    const refunds = await must<Array<{ status: string }>>('refunds.prepare', {});
    return refunds.some((refund) => refund.status === 'ready');
  }, 10_000);
  await must('refunds.export', ORGANISER);
}

beforeAll(async () => {
  station = await spawnStation({ dataDir: folder.dir });
  await sellCashAndBancontact();
  await printAndTopUp();
  await exportReportsAndRefunds();
}, 60_000);

describe('the data folder', () => {
  it('holds only 0600 files in 0700 folders after a session', () => {
    const entries = modes(folder.dir);
    // The session really wrote the kinds of file this is about.
    const names = [...entries.keys()].join('\n');
    for (const kind of [/\.sqlite$/m, /\.sqlite-wal$/m, /\.pdf$/m, /\.csv$/m, /settings\.json$/m])
      expect(names).toMatch(kind);
    expectPrivate(folder.dir);
  });

  it('stays so once the station has stopped', async () => {
    await station.stop();
    expectPrivate(folder.dir);
  });

  it('of an older install, readable by others, is tightened at the next start', async () => {
    const loosen = (path: string): void => {
      const stats = lstatSync(path);
      if (stats.isSymbolicLink()) return;
      chmodSync(path, stats.isDirectory() ? 0o755 : 0o644);
      if (stats.isDirectory()) for (const name of readdirSync(path)) loosen(join(path, name));
    };
    loosen(folder.dir);
    writeFileSync(join(folder.dir, 'notes.txt'), 'left by hand\n', { mode: 0o664 });
    // A link out of the data folder is not followed: what it points at is not Kassa's to change.
    const elsewhere = join(outside.dir, 'shared.txt');
    writeFileSync(elsewhere, 'not Kassa’s\n', { mode: 0o644 });
    chmodSync(elsewhere, 0o644);
    symlinkSync(elsewhere, join(folder.dir, 'link-out'));
    expect(modes(folder.dir).get('/')?.mode).toBe(0o755);

    station = await spawnStation({ dataDir: folder.dir });
    expectPrivate(folder.dir);
    expect(statSync(elsewhere).mode & 0o777).toBe(0o644);
  });
});
