import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../electron/core/db/pg/postgres-store';
import * as stationSchema from '../../electron/core/db/station-schema';
import { notifyIn, SiteEvents } from '../../electron/core/site';
import { psql } from '../support/postgres-server';
import { spawnSiteChild, startTestSite, type SiteChild, type TestSite } from '../support/site-coordination';

/*
 * Events cross stations through LISTEN/NOTIFY on a real PostgreSQL: this test process is station A and
 * sends; a station-like child process B listens. When B's listening connection is ended by the server,
 * B connects again and says `resync`, so its devices refresh and no event is missed.
 */

let site: TestSite;
let listener: SiteChild;
let sender: SiteEvents;

beforeAll(async () => {
  site = await startTestSite();
  listener = spawnSiteChild(site.url, 'station-b', ['--mode', 'listen']);
  await listener.waitFor((l) => l.ev === 'listening', 20_000);
  sender = new SiteEvents({ url: site.url, station: 'station-a' });
  await sender.start();
}, 60_000);

afterAll(async () => {
  listener?.kill('SIGKILL');
  await sender?.close();
  site?.remove();
});

const eventFor = (id: string) => (l: { ev: string; id?: unknown }) => l.ev === 'event' && l.id === id;

describe('site events', () => {
  it('an event one station sends reaches the other station’s listener, and not the sender itself', async () => {
    const heardBySender: string[] = [];
    sender.on('event', (event) => heardBySender.push(event.id));
    const sentAt = Date.now();
    await sender.publish('payment', 'pay-1');
    const heard = await listener.waitFor(eventFor('pay-1'), 5_000);
    expect(heard).toMatchObject({ kind: 'payment', id: 'pay-1', from: sender.self });
    console.info(`event across processes in ${heard.readAt - sentAt} ms`);
    expect(heardBySender).toEqual([]);
  });

  it('an event sent inside a write leaves when it commits, and never for a write rolled back', async () => {
    const store = new PostgresStore({ url: site.url }, stationSchema);
    try {
      await store
        .write(async (tx) => {
          await notifyIn(tx, 'station-a', 'sale', 'rolled-back');
          throw new Error('the write fails');
        })
        .catch(() => undefined);
      await store.write((tx) => notifyIn(tx, 'station-a', 'sale', 'committed'));
      await listener.waitFor(eventFor('committed'), 5_000);
      expect(listener.lines.filter(eventFor('rolled-back'))).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('when the server ends the listening connection, the listener connects again and says resync', async () => {
    const from = listener.lines.length;
    const ended = psql(
      site.server.baseUrl,
      'site',
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'station-b-events'",
    );
    expect(ended.trim()).toBe('1');
    await listener.waitFor((l) => l.ev === 'down', 5_000, from);
    const resync = await listener.waitFor((l) => l.ev === 'resync', 10_000, from);
    console.info(
      `resync ${resync.readAt - Number(listener.lines[from]!.readAt)} ms after the connection was lost`,
    );
    await sender.publish('payment', 'pay-2');
    await listener.waitFor(eventFor('pay-2'), 5_000, from);
  }, 30_000);
});
