import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BancontactError } from '../../electron/core/bancontact/errors';
import {
  coordinationPool,
  SiteEvents,
  SiteLeases,
  SiteRateBudget,
  type Lease,
} from '../../electron/core/site';
import { startTestSite, type TestSite } from '../support/site-coordination';
import { startCutProxy, type CutProxy } from '../support/tcp-cut-proxy';

/*
 * A station cut off from PostgreSQL (a TCP proxy drops every byte, no FIN, no RST): it stops counting
 * its leases as held by its own clock, another station takes them within 10 s, and its events
 * connection notices by its heartbeat and says `resync` once the line is back.
 */

let site: TestSite;
let proxy: CutProxy;
let cutOffUrl: string;

beforeAll(async () => {
  site = await startTestSite();
  proxy = await startCutProxy(site.server.port);
  cutOffUrl = `postgres://postgres@127.0.0.1:${proxy.port}/site`;
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  site?.remove();
});

const waitFor = async (condition: () => boolean, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('a station cut off from PostgreSQL', () => {
  it('loses its lease by its own clock; the other station holds it within 10 s; back on line, it works again', async () => {
    const cutOffPool = coordinationPool({ url: cutOffUrl });
    const otherPool = coordinationPool({ url: site.url });
    const cutOff = new SiteLeases(cutOffPool, 'station-a');
    const other = new SiteLeases(otherPool, 'station-b');
    const events: string[] = [];
    let held: Lease | null = null;
    cutOff.hold('poll:p1', { gained: (l) => (held = l), lost: () => events.push(`a lost ${Date.now()}`) });
    await waitFor(() => held !== null, 5_000);
    other.hold('poll:p1', { gained: () => events.push(`b gained ${Date.now()}`), lost: () => undefined });

    proxy.cut();
    const cutAt = Date.now();
    await waitFor(() => events.some((e) => e.startsWith('b gained')), 10_000);
    const at = (prefix: string) => Number(events.find((e) => e.startsWith(prefix))?.split(' ')[2]);
    // The cut-off holder stopped before the other started: never two holders at once.
    expect(at('a lost')).toBeLessThan(at('b gained'));
    expect(at('b gained') - cutAt).toBeLessThan(10_000);
    expect(held!.held).toBe(false);

    proxy.heal();
    // Its connections that timed out were closed, not reused: the pool answers again at once.
    const { rows } = await cutOffPool.query<{ holder: string }>(
      'SELECT holder FROM site_leases WHERE name = $1',
      ['poll:p1'],
    );
    expect(rows[0]?.holder).toBe(other.holder);
    await cutOff.close();
    await other.close();
    await Promise.all([cutOffPool.end(), otherPool.end()]);
  }, 30_000);

  it('its events connection finds the cut by its heartbeat, and says resync once the line is back', async () => {
    const listener = new SiteEvents({
      url: cutOffUrl,
      station: 'station-a',
      heartbeatMs: 1_000,
      maxRetryMs: 500,
    });
    const sender = new SiteEvents({ url: site.url, station: 'station-b' });
    const seen: string[] = [];
    listener.on('down', () => seen.push('down'));
    listener.on('resync', () => seen.push('resync'));
    listener.on('event', (e) => seen.push(e.id));
    await Promise.all([listener.start(), sender.start()]);

    proxy.cut();
    await sender.publish('payment', 'missed');
    await waitFor(() => seen.includes('down'), 5_000);
    proxy.heal();
    await waitFor(() => seen.includes('resync'), 10_000);
    await sender.publish('payment', 'after');
    await waitFor(() => seen.includes('after'), 5_000);
    // The event sent during the cut was not heard; the resync before 'after' is what covers it.
    expect(seen).toEqual(['down', 'resync', 'after']);
    await Promise.all([listener.close(), sender.close()]);
  }, 30_000);

  it('its Bancontact requests fail as not sent, instead of waiting for ever or breaking the site’s limit; back on line, they go again', async () => {
    const pool = coordinationPool({ url: cutOffUrl });
    const budget = new SiteRateBudget(pool, 'p-cut', 'station-a', { unreachableMs: 2_000 });
    (await budget.acquire('high'))();
    proxy.cut();
    const cutAt = Date.now();
    const failure = await budget.acquire('high').then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(BancontactError);
    expect((failure as BancontactError).kind).toBe('network');
    expect(Date.now() - cutAt).toBeLessThan(10_000);
    proxy.heal();
    (await budget.acquire('high'))();
    expect(budget.granted).toBe(2);
    await pool.end();
  }, 30_000);
});
