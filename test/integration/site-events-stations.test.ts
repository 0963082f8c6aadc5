import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../electron/core/db/pg/postgres-store';
import { booksUrl } from '../../electron/core/db/pg/site-databases';
import * as schema from '../../electron/core/db/schema';
import { TRAINING_TOPUP_PROFILE } from '../../electron/core/simulator';
import type { SaleView, StationEvent } from '../../shared/contract';
import { psql } from '../support/postgres-server';
import { startTestSite, type TestSite } from '../support/site-coordination';
import { startTestSimulator } from '../support/station-in-process';
import { callHttp, spawnStation, type StationProcess } from '../support/station-process';
import { tempDir, waitFor } from '../support/temp';
import { newWristbandId } from '../support/wristbands';
import { giveSiteFiles } from '../support/site-files';

/*
 * Two station processes on one PostgreSQL site and one Bancontact simulator. A payment started at
 * station B is heard by an SSE client of station A (the books' LISTEN/NOTIFY, site-event-relay.ts),
 * and when A's LISTEN connection is killed A's screens are told to fetch again (their stream ends).
 */

let site: TestSite;
let sim: Awaited<ReturnType<typeof startTestSimulator>>;
const folders = [tempDir(), tempDir()];
let a: StationProcess;
let b: StationProcess;

beforeAll(async () => {
  site = await startTestSite();
  sim = await startTestSimulator();
  // Quick following (whichever station holds the profile's lease), no sweeps of their own.
  const common = {
    database: site.url,
    simulatorUrl: sim.baseUrl,
    pollIntervalMs: 200,
    sweepIntervalMs: 3_600_000,
  };
  a = await spawnStation({ dataDir: folders[0]!.dir, ...common });
  // Every station of a site is given the site's key (docs/site-setup.md).
  giveSiteFiles(folders[0]!.dir, folders[1]!.dir);
  b = await spawnStation({ dataDir: folders[1]!.dir, ...common });
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await sim?.close();
  site?.remove();
  for (const folder of folders) folder.remove();
});

interface Heard {
  at: number;
  event: StationEvent;
}

/** A station's `/api/events` read as a browser would: each event with the time it arrived. */
async function follow(station: StationProcess) {
  const controller = new AbortController();
  const response = await fetch(`${station.url}/api/events`, { signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const heard: Heard[] = [];
  const state = { ended: false };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const reading = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (data && !block.includes('event: ready'))
          heard.push({ at: Date.now(), event: JSON.parse(data.slice(6)) as StationEvent });
      }
    }
    state.ended = true;
  })();
  return { heard, state, close: () => (controller.abort(), reading) };
}

type Follower = Awaited<ReturnType<typeof follow>>;

/** When a client first heard the sale with this payment status, or undefined. */
function heardAt(follower: Follower, saleId: string, status: string): number | undefined {
  return follower.heard.find(
    ({ event }) =>
      event.name === 'payments.changed' &&
      event.payload.sale.id === saleId &&
      event.payload.sale.payment?.status === status,
  )?.at;
}

/** How long after `first`'s client heard the sale with this status `second`'s client did. */
async function delayBetween(first: Follower, second: Follower, saleId: string, status: string) {
  const both = await waitFor(
    () => {
      const times = [heardAt(first, saleId, status), heardAt(second, saleId, status)];
      return times.every((t) => t !== undefined) && (times as number[]);
    },
    10_000,
    `${status} of sale ${saleId} on both stations' screens`,
  );
  return both[1]! - both[0]!;
}

async function payAtB(key: string): Promise<SaleView> {
  const started = await callHttp<SaleView>(b.url, 'till.startPayment', {
    amountCents: 500,
    idempotencyKey: key,
  });
  if (!started.ok) throw new Error(`${started.error.code}: ${started.error.message}`);
  const sale = started.value;
  await sim.control('/_sim/payer/scan', { payload: sale.payment!.deeplink });
  await sim.control('/_sim/payer/confirm', { paymentId: sale.payment!.bancontactId });
  return sale;
}

const listenerOf = (station: StationProcess) =>
  psql(
    site.server.baseUrl,
    'site',
    `SELECT pid FROM pg_stat_activity WHERE application_name LIKE 'kassa-events % pid ${station.process.pid}'`,
  ).trim();

describe('events between the stations of a site', () => {
  it('a payment booked through station B reaches an SSE client of station A within 1 s', async () => {
    const atA = await follow(a);
    const atB = await follow(b);
    const created: number[] = [];
    const paid: number[] = [];
    for (let i = 0; i < 20; i++) {
      const sale = await payAtB(`cross-station-${i}`);
      // B created the payment and told its screens; only the site's event can tell A's.
      created.push(await delayBetween(atB, atA, sale.id, 'PENDING'));
      // Whichever station follows the profile booked it; the other heard it from the site.
      paid.push(Math.abs(await delayBetween(atA, atB, sale.id, 'SUCCEEDED')));
    }
    await Promise.all([atA.close(), atB.close()]);
    for (const [what, delays] of [
      ['created at B', created],
      ['paid', paid],
    ] as const) {
      delays.sort((x, y) => x - y);
      const p50 = delays[Math.floor(delays.length / 2)]!;
      console.info(
        `B → A SSE delay, ${what}, ${delays.length} payments: p50 ${p50} ms, max ${delays.at(-1)} ms`,
      );
      expect(delays.at(-1)).toBeLessThan(1_000);
    }
    // The payload A's client gets is the sale as A re-read it: the same shape as B's own.
    const sale = atA.heard.at(-1)!.event;
    expect(sale).toMatchObject({ name: 'payments.changed', payload: { sale: { amountCents: 500 } } });
  }, 120_000);

  it('a wristband blocked through station B is told to an SSE client of station A with its balance', async () => {
    const [wristbandId] = await seedWristbands(1);
    const atA = await follow(a);
    const blocked = await callHttp(b.url, 'wristbands.block', { wristbandId });
    expect(blocked.ok).toBe(true);
    const heard = await waitFor(
      () => atA.heard.find(({ event }) => event.name === 'wristbands.changed'),
      1_000,
      'the wristband at A',
    );
    expect(heard.event.payload).toEqual({ wristbandId, balanceCents: 0, status: 'blocked' });
    await atA.close();
  });

  it('the event ended and reopened through station B is told to an SSE client of station A', async () => {
    const atA = await follow(a);
    const states = () => atA.heard.filter(({ event }) => event.name === 'topup.eventChanged');
    expect((await callHttp(b.url, 'topup.endEvent', { confirm: true })).ok).toBe(true);
    await waitFor(() => states().length === 1, 1_000, 'the ended event at A');
    expect((await callHttp(b.url, 'topup.reopenEvent', {})).ok).toBe(true);
    await waitFor(() => states().length === 2, 1_000, 'the reopened event at A');
    const [ended, reopened] = states().map(({ event }) => event.payload as { endedAt: string | null });
    expect(ended?.endedAt).toEqual(expect.any(String));
    expect(reopened?.endedAt).toBeNull();
    await atA.close();
  });

  it("after A's LISTEN connection is killed, A's screens are told to refresh and B's changes are heard again", async () => {
    const before = listenerOf(a);
    expect(before).toMatch(/^\d+$/);
    const atA = await follow(a);
    psql(site.server.baseUrl, 'site', `SELECT pg_terminate_backend(${before})`);
    // The stream ends: the browser reopens it and fetches what its screens show (http-transport.ts).
    await waitFor(() => atA.state.ended, 10_000, "A's stream to end");
    await waitFor(() => /^\d+$/.test(listenerOf(a)) && listenerOf(a) !== before, 10_000, 'a new listener');
    // A's screens may be told to refresh again (the listener's resync, a heartbeat missing the old
    // listener): like the browser, reopen the stream whenever it ends, and keep what each one heard.
    const streams = [await follow(a)];
    const reopening = setInterval(() => {
      if (streams.at(-1)!.state.ended) void follow(a).then((s) => streams.push(s));
    }, 50);
    const sale = await payAtB('after-resync');
    const heardAgain = () => streams.some((s) => heardAt(s, sale.id, 'SUCCEEDED'));
    await waitFor(heardAgain, 10_000, 'the payment heard at A again').finally(() => clearInterval(reopening));
    await Promise.all(streams.map((s) => s.close()));
  }, 60_000);

  it('when station B is killed (it may have committed a change it never announced), A’s screens are told to refresh', async () => {
    const atA = await follow(a);
    await b.kill();
    const killedAt = Date.now();
    // A looks at the site's listeners every heartbeat (5 s): B's is gone. Two heartbeats and room for a
    // loaded machine (the CI's whole suite beside it took 10 s once); the time taken is printed.
    await waitFor(() => atA.state.ended, 20_000, "A's stream to end");
    console.info(`A's screens told to refresh ${Date.now() - killedAt} ms after B was killed`);
  }, 30_000);
});

/** A batch of wristbands in the site's training books, as the batch service writes them. */
async function seedWristbands(count: number): Promise<string[]> {
  const books = new PostgresStore({ url: booksUrl(site.url, 'training') }, schema);
  const batchId = `batch-${Date.now()}`;
  const at = Date.now();
  const ids = Array.from({ length: count }, newWristbandId);
  try {
    await books.write(async (tx) => {
      await tx.insert(schema.topupBatches).values({
        ...{ id: batchId, profileId: TRAINING_TOPUP_PROFILE.ppid, count, amountMode: 'open' },
        ...{
          description: 'Top-up',
          eventName: 'Site Fest',
          payloadHost: 'https://pay.bancontact.net',
          createdAt: at,
        },
      });
      const rows = ids.map((id, position) => ({ id, batchId, position, createdAt: at, updatedAt: at }));
      await tx.insert(schema.wristbands).values(rows);
    });
  } finally {
    await books.close();
  }
  return ids;
}
