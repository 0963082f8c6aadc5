/**
 * A station-like process for the site coordination tests (electron/core/site): it holds a lease, spends
 * a shared rate budget, or listens to site events against a real PostgreSQL, and prints one JSON line
 * per thing that happens, with `t` = Date.now().
 *
 *   node --import tsx test/support/site-child.ts --url URL --station NAME --mode lease   --lease poll:p1
 *   node --import tsx test/support/site-child.ts --url URL --station NAME --mode budget  --profile p1 --count 100
 *   node --import tsx test/support/site-child.ts --url URL --station NAME --mode listen
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import {
  coordinationPool,
  SiteEvents,
  SiteLeases,
  SiteRateBudget,
  type Lease,
} from '../../electron/core/site';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    station: { type: 'string' },
    mode: { type: 'string' },
    lease: { type: 'string', default: 'poll:p1' },
    profile: { type: 'string', default: 'p1' },
    count: { type: 'string', default: '100' },
    'request-ms': { type: 'string', default: '20' },
  },
  strict: true,
});
const url = values.url ?? '';
const station = values.station ?? 'station';
const say = (line: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ ...line, t: Date.now() })}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Holds the lease and "polls" every 200 ms while `lease.held` says it still may. */
function leaseMode(): void {
  const leases = new SiteLeases(coordinationPool({ url, applicationName: station }), station);
  let current: Lease | null = null;
  leases.hold(values.lease, {
    gained: (lease) => {
      current = lease;
      say({ ev: 'gained', generation: lease.generation });
    },
    lost: (lease) => {
      current = null;
      say({ ev: 'lost', generation: lease.generation });
    },
  });
  setInterval(() => {
    if (current?.held) say({ ev: 'work', generation: current.generation });
  }, 200);
}

/** Waits for `go` on stdin, then sends `count` requests through the shared budget at once. */
async function budgetMode(): Promise<void> {
  const budget = new SiteRateBudget(
    coordinationPool({ url, applicationName: station }),
    values.profile,
    station,
  );
  say({ ev: 'ready' });
  for await (const line of createInterface({ input: process.stdin })) if (line.trim() === 'go') break;
  const requestMs = Number(values['request-ms']);
  const sent: number[] = [];
  await Promise.all(
    Array.from({ length: Number(values.count) }, async () => {
      const release = await budget.acquire();
      sent.push(Date.now());
      await sleep(requestMs);
      release();
    }),
  );
  say({ ev: 'done', sent });
  process.exit(0);
}

async function listenMode(): Promise<void> {
  const events = new SiteEvents({ url, station, applicationName: `${station}-events` });
  events.on('event', (event) => say({ ev: 'event', ...event }));
  events.on('down', () => say({ ev: 'down' }));
  events.on('resync', () => say({ ev: 'resync' }));
  await events.start();
  say({ ev: 'listening' });
}

if (values.mode === 'lease') leaseMode();
else if (values.mode === 'budget') void budgetMode();
else if (values.mode === 'listen') void listenMode();
else throw new Error(`unknown --mode ${values.mode}`);
