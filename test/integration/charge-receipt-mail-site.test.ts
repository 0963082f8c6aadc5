import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open-database';
import { openPostgresBooks } from '../../electron/core/db/pg/site-databases';
import { agreementCharges, agreements } from '../../electron/core/db/schema';
import { silentLogger } from '../../electron/core/logging/logger';
import { MailOutbox } from '../../electron/core/mail/mail-outbox';
import { MAIL_LEASE } from '../../electron/core/mail/mail-service';
import { sendMail, type SmtpServer } from '../../electron/core/mail/smtp-send';
import { coordinationPool, SiteLeases } from '../../electron/core/site';
import { chargeIdempotencyKey } from '../../shared/domain/recurring-plans';
import { SmtpSink } from '../support/smtp-sink';
import { startTestSite, type TestSite } from '../support/site-coordination';
import { MIGRATIONS } from '../support/temp';

/*
 * Two stations of one PostgreSQL site, each with its own connection to the shared books and its own
 * outbox, woken together again and again: only the holder of `mail:receipts` sends, so each charge's
 * receipt reaches the mail server once, not twice.
 */

let site: TestSite;
let sink: SmtpSink;
const closing: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  site = await startTestSite();
  sink = await new SmtpSink().start();
}, 60_000);

afterAll(async () => {
  for (const close of closing.reverse()) await close().catch(() => undefined);
  await sink?.stop();
  site?.remove();
});

async function station(name: string): Promise<{ db: Db; outbox: MailOutbox }> {
  const db = await openPostgresBooks({ siteUrl: site.url, migrationsFolder: MIGRATIONS }, 'training');
  const pool = coordinationPool({ url: site.url, applicationName: `kassa ${name}` });
  const leases = new SiteLeases(pool, name);
  const server: SmtpServer = {
    ...{ host: '127.0.0.1', port: sink.port, security: 'none', user: sink.user, password: sink.password },
    from: 'kassa@site.test',
  };
  const outbox = new MailOutbox({
    books: () => db,
    server: () => server,
    contact: () => ({ email: 'help@site.test', phone: '' }),
    send: (to, mail) => sendMail(to, mail),
    ...{ now: Date.now, logger: silentLogger, intervalMs: 50, firstBackoffMs: 50, maxBackoffMs: 200 },
  });
  const giveUp = leases.hold(MAIL_LEASE, { gained: (l) => outbox.gained(l), lost: (l) => outbox.lost(l) });
  closing.push(
    () => db.close(),
    () => pool.end(),
    () => leases.close(),
    () => giveUp(),
    () => outbox.stop(),
  );
  return { db, outbox };
}

async function capturedCharges(db: Db, count: number): Promise<void> {
  const at = Date.now();
  await db.write(async (tx) => {
    for (let n = 0; n < count; n++) {
      const id = `agr-site-${n}`;
      await tx.insert(agreements).values({
        ...{ id, pproId: `agr_${id}`, kind: 'plan', status: 'active', shopId: 'shop-1', tillId: 'till-1' },
        ...{ cashierId: 'cashier-1', description: 'Seizoenskaart', amountCents: 4_000, vatRate: 21 },
        ...{ period: 'month', chargeCount: 10, consumerName: `Lid ${n}`, consumerEmail: `lid${n}@site.test` },
        ...{ consumerLocale: 'nl', termsVersion: '1', termsAcceptedAt: at, idempotencyKey: `till:${id}` },
        ...{ anchorAt: at, createdAt: at, updatedAt: at },
      });
      await tx.insert(agreementCharges).values({
        ...{ id: `${id}-c0`, agreementId: id, period: 0, idempotencyKey: chargeIdempotencyKey(id, 0) },
        ...{ pproChargeId: `chg_${id}`, status: 'captured', amountCents: 4_000, dueAt: at, capturedAt: at },
        ...{ createdAt: at, updatedAt: at },
      });
    }
  });
}

it('sends each receipt once on a site of two stations', async () => {
  const a = await station('station-a');
  const b = await station('station-b');
  await capturedCharges(a.db, 6);
  for (let round = 0; round < 10; round++) {
    a.outbox.wake();
    b.outbox.wake();
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  await sink.waitFor(6, 20_000);
  // Both keep looking a while longer: nothing more arrives.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const to = sink.received.map((m) => m.to[0]).sort();
  expect(to).toEqual([0, 1, 2, 3, 4, 5].map((n) => `lid${n}@site.test`));
  const waiting = await b.db.read((q) => q.select().from(agreementCharges));
  expect(waiting.every((c) => c.receiptMailedAt !== null && c.receiptMailAttempts === 1)).toBe(true);
});
