import { spawn, type ChildProcess } from 'node:child_process';
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
  openTestBooks,
  simControl,
  testPproClient,
} from '../support/agreement-charges';
import { REPO_ROOT, tempDir, waitFor } from '../support/temp';

/*
 * The station dies between sending a charge and storing PPRO's answer: its scheduler runs in a child
 * process, the PPRO simulator holds the answer to the charge (made and stored at PPRO), and the child
 * is killed with SIGKILL. Started again, it asks with the same key and PPRO answers the same charge:
 * one charge for the period at PPRO and in Kassa.
 */

let folder: ReturnType<typeof tempDir>;
let sim: PproSimulatorServer;
let db: Db;
let where: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  folder = tempDir();
  sim = await startPproSimulatorServer({ port: 0 });
  ({ db, where } = await openTestBooks(folder.dir));
});

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await db.close();
  await sim.close();
  folder.remove();
});

function startChild(): { child: ChildProcess; lines: Record<string, unknown>[]; output: () => string } {
  const script = join(REPO_ROOT, 'test/support/charge-scheduler-child.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--books', where, '--sim', sim.baseUrl], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(text) as never);
  });
  return { child, lines, output: () => output };
}

const held = async () => (await simControl<{ chargeIds: string[] }>(sim.baseUrl, '/held')).chargeIds;

it('after a SIGKILL while PPRO holds the answer, the restarted station finds the same charge: one per period', async () => {
  const plan = await activePlan(db, sim.baseUrl);
  await simControl(sim.baseUrl, '/hold-next-charge', {});
  await advanceClock(sim.baseUrl, MONTH_MS);

  const first = startChild();
  const [heldId] = await waitFor(
    async () => ((await held()).length === 1 ? held() : null),
    30_000,
    'a held charge',
  );
  const sent = (await chargesOf(db, plan.id))[1];
  expect(sent).toMatchObject({ period: 1, status: 'sent', pproChargeId: null });
  const exited = new Promise((resolve) => first.child.once('exit', resolve));
  first.child.kill('SIGKILL');
  await exited;

  const second = startChild();
  await waitFor(() => second.lines.find((l) => l.ev === 'captured') ?? null, 30_000, 'the capture').catch(
    (error: unknown) => {
      throw new Error(`${String(error)}; the station said: ${second.output()}`);
    },
  );

  const atPpro = await testPproClient(sim.baseUrl).listCharges(plan.pproId);
  expect(atPpro.map((c) => c.status)).toEqual(['CAPTURED', 'CAPTURED']);
  expect(atPpro[1]!.id).toBe(heldId);
  const charges = await chargesOf(db, plan.id);
  expect(charges.map((c) => [c.period, c.status, c.pproChargeId])).toEqual([
    [0, 'captured', atPpro[0]!.id],
    [1, 'captured', heldId],
  ]);
  expect(charges[1]!.attempts).toBe(2);
  expect(await agreementTransactions(db)).toHaveLength(1);
});
