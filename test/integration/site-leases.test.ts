import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { coordinationPool, LocalLeases, SiteLeases, type Lease } from '../../electron/core/site';
import {
  spawnSiteChild,
  startTestSite,
  type ChildLine,
  type SiteChild,
  type TestSite,
} from '../support/site-coordination';

/*
 * Work that must happen once runs once: two station-like processes race for `poll:p1` on a real
 * PostgreSQL with the default timing (renewed every 2 s, 6 s to live), and are killed and frozen.
 */

let site: TestSite;
const children: SiteChild[] = [];

beforeAll(async () => {
  site = await startTestSite();
}, 60_000);

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

afterAll(() => site?.remove());

const gained = (line: ChildLine) => line.ev === 'gained';

async function race(lease: string): Promise<{ holder: SiteChild; other: SiteChild; first: ChildLine }> {
  const a = spawnSiteChild(site.url, 'station-a', ['--mode', 'lease', '--lease', lease]);
  const b = spawnSiteChild(site.url, 'station-b', ['--mode', 'lease', '--lease', lease]);
  children.push(a, b);
  const first = await Promise.any([a.waitFor(gained, 20_000), b.waitFor(gained, 20_000)]);
  const holder = a.lines.includes(first) ? a : b;
  return { holder, other: holder === a ? b : a, first };
}

/** Every `work` line anyone printed, by generation: work of one generation is done by one process. */
function workersByGeneration(...all: SiteChild[]): Map<number, Set<string>> {
  const byGeneration = new Map<number, Set<string>>();
  for (const child of all)
    for (const line of child.lines.filter((l) => l.ev === 'work')) {
      const generation = Number(line.generation);
      byGeneration.set(generation, (byGeneration.get(generation) ?? new Set()).add(child.name));
    }
  return byGeneration;
}

describe('site leases on PostgreSQL', () => {
  it('two stations race for poll:p1: exactly one holds it; frozen, the other takes over within 10 s; woken, the old holder sees it lost it', async () => {
    const { holder, other, first } = await race('poll:p1');
    await holder.waitFor((l) => l.ev === 'work', 5_000);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // past a renewal: the holder keeps it
    expect(other.lines.filter(gained)).toEqual([]);

    holder.kill('SIGSTOP');
    const frozenAt = Date.now();
    const taken = await other.waitFor(gained, 10_000);
    console.info(`frozen holder: taken over after ${taken.readAt - frozenAt} ms`);
    expect(taken.readAt - frozenAt).toBeLessThan(10_000);
    expect(Number(taken.generation)).toBe(Number(first.generation) + 1);
    await other.waitFor((l) => l.ev === 'work', 2_000);

    const seenBeforeWaking = holder.lines.length;
    holder.kill('SIGCONT');
    const lost = await holder.waitFor((l) => l.ev === 'lost', 5_000, seenBeforeWaking);
    expect(Number(lost.generation)).toBe(Number(first.generation));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Woken, the old holder did no work at all: it found its lease lost before its next round.
    expect(holder.lines.slice(seenBeforeWaking).filter((l) => l.ev === 'work')).toEqual([]);
    expect(holder.lines.slice(seenBeforeWaking).filter(gained)).toEqual([]);
    for (const workers of workersByGeneration(holder, other).values()) expect(workers.size).toBe(1);
  }, 60_000);

  it('a station killed with SIGKILL loses its lease: the other holds it within 10 s', async () => {
    const { holder, other } = await race('sweep:p1');
    holder.kill('SIGKILL');
    const killedAt = Date.now();
    const taken = await other.waitFor(gained, 10_000);
    console.info(`killed holder: taken over after ${taken.readAt - killedAt} ms`);
    expect(taken.readAt - killedAt).toBeLessThan(10_000);
  }, 60_000);

  it('a lease given up passes at once, and an old holder’s confirm() answers false after a takeover', async () => {
    const pool = coordinationPool({ url: site.url });
    const fast = { ttlMs: 600, renewEveryMs: 200, retryEveryMs: 100, marginMs: 50 };
    const a = new SiteLeases(pool, 'a', fast);
    const b = new SiteLeases(pool, 'b', fast);
    const held: { a: Lease[]; b: Lease[] } = { a: [], b: [] };
    const stopA = a.hold('job:z', { gained: (l) => held.a.push(l), lost: () => undefined });
    await until(() => held.a.length === 1);
    b.hold('job:z', { gained: (l) => held.b.push(l), lost: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(held.b).toEqual([]);
    const oldLease = held.a[0]!;
    await stopA();
    await until(() => held.b.length === 1, 1_000);
    expect(oldLease.held).toBe(false);
    expect(await oldLease.confirm()).toBe(false);
    expect(await held.b[0]!.confirm()).toBe(true);
    expect(held.b[0]!.generation).toBe(oldLease.generation + 1);
    await b.close();
    await pool.end();
  });
});

describe('leases on SQLite', () => {
  it('one station: every lease is simply held until given up', async () => {
    const leases = new LocalLeases();
    const seen: string[] = [];
    leases.hold('poll:p1', {
      gained: (l) => seen.push(`gained ${l.name} ${l.held}`),
      lost: (l) => seen.push(`lost ${l.held}`),
    });
    expect(seen).toEqual(['gained poll:p1 true']);
    await leases.close();
    expect(seen).toEqual(['gained poll:p1 true', 'lost false']);
  });
});

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
