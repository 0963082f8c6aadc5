import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open-database';
import { startPproSimulatorServer, type PproSimulatorServer } from '../../electron/core/ppro-simulator';
import {
  activePlan,
  advanceClock,
  agreementTransactions,
  chargesOf,
  MONTH_MS,
  reopenTestBooks,
  simControl,
  testPproClient,
} from '../support/agreement-charges';
import { testSiteFor } from '../support/postgres-site';
import { spawnStation, type StationProcess } from '../support/station-process';
import { tempDir, waitFor } from '../support/temp';

/*
 * The whole station (`npm run station`, in a process of its own) is killed with SIGKILL while the PPRO
 * simulator holds its answer to a charge: the charge exists at PPRO, Kassa's row says it was sent. Started
 * again on the same books, the station asks with the same key and stores the same charge: one charge for
 * that month at PPRO and in Kassa, booked once.
 */

let folder: ReturnType<typeof tempDir>;
let sim: PproSimulatorServer;
let books: Db | null = null;
const stations: StationProcess[] = [];

beforeEach(async () => {
  folder = tempDir();
  sim = await startPproSimulatorServer({ port: 0 });
});

afterEach(async () => {
  for (const station of stations.splice(0)) await station.kill().catch(() => undefined);
  await books?.close();
  books = null;
  await sim.close();
  folder.remove();
});

const start = async () => {
  const station = await spawnStation({ dataDir: folder.dir, pproSimulatorUrl: sim.baseUrl });
  stations.push(station);
  return station;
};

const held = async () => (await simControl<{ chargeIds: string[] }>(sim.baseUrl, '/held')).chargeIds;

it('a station killed while PPRO holds the answer stores that same charge after its restart', async () => {
  const first = await start();
  books = await reopenTestBooks(testSiteFor(folder.dir) ?? join(folder.dir, 'training.sqlite'));
  const plan = await activePlan(books, sim.baseUrl);
  await simControl(sim.baseUrl, '/hold-next-charge', {});
  await advanceClock(sim.baseUrl, MONTH_MS);

  const [heldId] = await waitFor(
    async () => ((await held()).length === 1 ? held() : null),
    30_000,
    'a held charge',
  );
  expect((await chargesOf(books, plan.id))[1]).toMatchObject({
    period: 1,
    status: 'sent',
    pproChargeId: null,
  });
  await first.kill();

  // A starting station wants its SQLite file to itself for a moment (its checks and migrations).
  await books.close();
  books = null;
  const second = await start();
  books = await reopenTestBooks(testSiteFor(folder.dir) ?? join(folder.dir, 'training.sqlite'));
  const stored = await waitFor(
    async () =>
      (await chargesOf(books!, plan.id))[1]?.status === 'captured' ? chargesOf(books!, plan.id) : null,
    30_000,
    'the charge stored after the restart',
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${second.output()}`);
  });

  const atPpro = await testPproClient(sim.baseUrl).listCharges(plan.pproId);
  expect(atPpro.map((c) => c.status)).toEqual(['CAPTURED', 'CAPTURED']);
  expect(atPpro[1]!.id).toBe(heldId);
  expect(stored.map((c) => [c.period, c.status, c.pproChargeId])).toEqual([
    [0, 'captured', atPpro[0]!.id],
    [1, 'captured', heldId],
  ]);
  expect(await agreementTransactions(books)).toHaveLength(1);
});
