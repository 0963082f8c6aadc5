import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open-database';
import { openPostgresBooks } from '../../electron/core/db/pg/site-databases';
import { startPproSimulatorServer, type PproSimulatorServer } from '../../electron/core/ppro-simulator';
import { coordinationPool, SiteLeases } from '../../electron/core/site';
import type { ChargeScheduler } from '../../electron/core/agreements/charge-scheduler';
import {
  activePlan,
  advanceClock,
  agreementTransactions,
  chargesOf,
  MONTH_MS,
  testPproClient,
  testScheduler,
} from '../support/agreement-charges';
import { startTestSite, type TestSite } from '../support/site-coordination';
import { MIGRATIONS, waitFor } from '../support/temp';

/*
 * Two stations of one PostgreSQL site, each with its own connection to the shared books and its own
 * scheduler: only the holder of `agreements:charges` charges, so three months make three charges, not
 * six, even when both are woken at once again and again.
 */

let site: TestSite;
let sim: PproSimulatorServer;
const closing: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  site = await startTestSite();
  sim = await startPproSimulatorServer({ port: 0 });
}, 60_000);

afterAll(async () => {
  for (const close of closing.reverse()) await close().catch(() => undefined);
  await sim?.close();
  site?.remove();
});

async function station(name: string): Promise<{ db: Db; scheduler: ChargeScheduler }> {
  const db = await openPostgresBooks({ siteUrl: site.url, migrationsFolder: MIGRATIONS }, 'training');
  const pool = coordinationPool({ url: site.url, applicationName: `kassa ${name}` });
  const leases = new SiteLeases(pool, name);
  const scheduler = testScheduler(db, sim.baseUrl, leases, { intervalMs: 100 });
  closing.push(
    () => db.close(),
    () => pool.end(),
    () => leases.close(),
    () => scheduler.stop(),
  );
  scheduler.start();
  return { db, scheduler };
}

it('charges each period once on a site of two stations', async () => {
  const a = await station('station-a');
  const b = await station('station-b');
  const plan = await activePlan(a.db, sim.baseUrl);
  await advanceClock(sim.baseUrl, 3 * MONTH_MS - 2 * 86_400_000);
  for (let round = 0; round < 5; round++) await Promise.all([a.scheduler.settle(), b.scheduler.settle()]);

  await waitFor(
    async () => (await chargesOf(b.db, plan.id)).filter((c) => c.status === 'captured').length === 4,
    20_000,
    'three charges',
  );
  for (let round = 0; round < 5; round++) await Promise.all([a.scheduler.settle(), b.scheduler.settle()]);

  const atPpro = await testPproClient(sim.baseUrl).listCharges(plan.pproId);
  expect(atPpro.map((c) => c.status)).toEqual(['CAPTURED', 'CAPTURED', 'CAPTURED', 'CAPTURED']);
  expect((await chargesOf(a.db, plan.id)).map((c) => [c.period, c.status])).toEqual([
    [0, 'captured'],
    [1, 'captured'],
    [2, 'captured'],
    [3, 'captured'],
  ]);
  expect(await agreementTransactions(b.db)).toHaveLength(3);
});
