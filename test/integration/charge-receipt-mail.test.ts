import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open-database';
import { agreementCharges, agreements } from '../../electron/core/db/schema';
import { chargeIdempotencyKey } from '../../shared/domain/recurring-plans';
import { openTrainingBooks } from '../support/database-sql';
import { SmtpSink } from '../support/smtp-sink';
import { startTestStation, type TestStation } from '../support/station-in-process';

/*
 * Issue 15 point 4 (seed 004): every captured charge's receipt is e-mailed to the consumer through the
 * merchant's SMTP server, once. The charges are written into the running mode's books as the station's
 * agreements code writes them; what is asserted is what reaches a real SMTP server, parsed.
 */

let kassa: TestStation | null = null;
let books: Db | null = null;
let sink: SmtpSink | null = null;
afterEach(async () => {
  await books?.close().catch(() => undefined);
  await kassa?.close();
  await sink?.stop();
  kassa = books = sink = null;
});

/** 31 January 2026, 18:00 in Brussels (UTC+1). */
const CAPTURED = Date.parse('2026-01-31T17:00:00Z');

async function start(): Promise<{ kassa: TestStation; books: Db; sink: SmtpSink }> {
  kassa = await startTestStation();
  books = await openTrainingBooks(kassa.dataDir);
  sink = await new SmtpSink().start();
  await kassa.must('settings.setSalesSetup', {
    business: { name: 'Café De Kaai bv', address: 'Kaai 2, 9000 Gent', vatNumber: 'BE0403170701' },
  });
  await kassa.must('mail.saveSettings', smtpSettings(sink));
  return { kassa, books, sink };
}

function smtpSettings(server: SmtpSink, password = server.password) {
  return {
    ...{
      smtpHost: '127.0.0.1',
      smtpPort: server.port,
      smtpSecurity: 'none',
      smtpUser: server.user,
      password,
    },
    ...{ fromAddress: 'kassa@cafe.test', contactEmail: 'help@cafe.test', contactPhone: '+32 9 123 45 67' },
  };
}

interface AgreementSpec {
  id: string;
  locale: 'nl' | 'fr' | 'en';
  email: string | null;
  description?: string;
  plan?: { period: 'month'; chargeCount: number | null; vatRate: number };
  topup?: { wristbandId: string; thresholdCents: number };
  amountCents: number;
}

/** An agreement as the till writes it once the consumer authorised it and its first charge was paid. */
async function agreement(db: Db, spec: AgreementSpec): Promise<void> {
  await db.write((tx) =>
    tx.insert(agreements).values({
      ...{ id: spec.id, pproId: `agr_${spec.id}`, kind: spec.plan ? 'plan' : 'auto_topup', status: 'active' },
      ...{ shopId: 'shop-1', tillId: 'till-1', cashierId: 'cashier-1' },
      description: spec.description ?? (spec.plan ? 'Lidmaatschap' : 'Polsbandje'),
      amountCents: spec.amountCents,
      vatRate: spec.plan?.vatRate ?? null,
      period: spec.plan?.period ?? null,
      chargeCount: spec.plan?.chargeCount ?? null,
      wristbandId: spec.topup?.wristbandId ?? null,
      thresholdCents: spec.topup?.thresholdCents ?? null,
      ...{ consumerName: `Consumer ${spec.id}`, consumerEmail: spec.email, consumerLocale: spec.locale },
      ...{
        termsVersion: '1',
        termsAcceptedAt: CAPTURED - 31 * 86_400_000,
        idempotencyKey: `till:${spec.id}`,
      },
      anchorAt: Date.parse('2025-12-31T17:00:00Z'),
      ...{ createdAt: CAPTURED - 31 * 86_400_000, updatedAt: CAPTURED },
    }),
  );
}

/** One period's charge on an agreement, captured at `CAPTURED` unless another status is given. */
async function charge(db: Db, agreementId: string, period: number, status: 'captured' | 'sent' = 'captured') {
  const id = `${agreementId}-c${period}`;
  const [row] = await db.read((q) =>
    q.select({ amountCents: agreements.amountCents }).from(agreements).where(eq(agreements.id, agreementId)),
  );
  const amountCents = row!.amountCents;
  await db.write((tx) =>
    tx.insert(agreementCharges).values({
      ...{ id, agreementId, period, idempotencyKey: chargeIdempotencyKey(agreementId, period) },
      ...{ pproChargeId: status === 'captured' ? `chg_${id}` : null, status, amountCents, dueAt: CAPTURED },
      ...{ attempts: 1, capturedAt: status === 'captured' ? CAPTURED : null },
      ...{ createdAt: CAPTURED, updatedAt: CAPTURED },
    }),
  );
  return id;
}

const mailedAt = (db: Db, id: string) =>
  db.read(async (q) => {
    const [row] = await q.select().from(agreementCharges).where(eq(agreementCharges.id, id));
    return row!;
  });

describe('e-mailed charge receipts', () => {
  it('mails each captured charge once, in the consumer language, with the data seed 004 requires', async () => {
    const { kassa, books, sink } = await start();
    await agreement(books, {
      ...{ id: 'agr-nl', locale: 'nl', email: 'an@consumer.test', amountCents: 2_500 },
      description: 'Lidmaatschap <b>Gold & "VIP"</b>',
      plan: { period: 'month', chargeCount: 12, vatRate: 21 },
    });
    await agreement(books, {
      ...{ id: 'agr-fr', locale: 'fr', email: 'benoit@consumer.test', amountCents: 1_000 },
      plan: { period: 'month', chargeCount: null, vatRate: 6 },
    });
    await agreement(books, {
      ...{ id: 'agr-en', locale: 'en', email: 'cleo@consumer.test', amountCents: 2_000 },
      topup: { wristbandId: 'W-0042', thresholdCents: 500 },
    });
    await agreement(books, {
      id: 'agr-none',
      locale: 'nl',
      email: null,
      amountCents: 700,
      topup: { wristbandId: 'W-7', thresholdCents: 100 },
    });
    const ids = [
      await charge(books, 'agr-nl', 1),
      await charge(books, 'agr-fr', 1),
      await charge(books, 'agr-en', 1),
    ];
    await charge(books, 'agr-nl', 2, 'sent');
    const noEmail = await charge(books, 'agr-none', 1);

    await kassa.must('mail.retryNow', {});
    const mails = await sink.waitFor(3);
    // Amounts and times are written with Intl's no-break spaces: compared here as plain ones.
    const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
    const to = (address: string) => {
      const mail = mails.find((m) => m.to.includes(address))!;
      return { ...mail, subject: plain(mail.subject), text: plain(mail.text) };
    };
    expect(mails.map((m) => m.to[0]).sort()).toEqual([
      'an@consumer.test',
      'benoit@consumer.test',
      'cleo@consumer.test',
    ]);
    // The password really went to the server, and was taken.
    expect(sink.logins).toContainEqual({ user: sink.user, password: sink.password, accepted: true });

    const nl = to('an@consumer.test');
    expect(nl.from).toBe('kassa@cafe.test');
    expect(nl.subject).toBe('Betalingsbewijs Café De Kaai bv — Shop: € 25,00');
    for (const fact of [
      'Café De Kaai bv — Shop, Kaai 2, 9000 Gent',
      'BE 0403.170.701',
      '31 januari 2026 om 18:00',
      '€ 25,00',
      'Btw 21%:',
      '€ 4,34',
      '€ 20,66',
      'Lidmaatschap <b>Gold & "VIP"</b>',
      'betaling 2 van 12 (maandelijks)',
      'Bancontact (terugkerende betaling)',
      'chg_agr-nl-c1',
      'agr-nl',
      'Volgende betaling',
      '28 februari 2026 om 18:00',
      'Om deze betaling terugbetaald te krijgen, of om verdere betalingen stop te zetten',
      'help@cafe.test of +32 9 123 45 67',
    ]) {
      expect(nl.text).toContain(fact);
    }
    // Everything the merchant or the article named is escaped in the HTML.
    expect(nl.html).toContain('Lidmaatschap &lt;b&gt;Gold &amp; &quot;VIP&quot;&lt;/b&gt;');
    expect(nl.html).not.toContain('<b>Gold');

    const fr = to('benoit@consumer.test');
    expect(fr.subject).toContain('Reçu de paiement');
    expect(fr.text).toContain("paiement 2, chaque mois, jusqu'à ce que vous l'arrêtiez");
    expect(fr.text).toContain('TVA 6 %');
    expect(fr.text).toContain(
      'Pour obtenir le remboursement de ce paiement, ou pour arrêter les paiements futurs',
    );
    expect(fr.text).toContain('Prochain paiement');

    const en = to('cleo@consumer.test');
    expect(en.subject).toBe('Payment receipt Café De Kaai bv — Shop: €20.00');
    expect(en.text).toContain('automatic top-up of wristband W-0042: below €5.00, €20.00 is added');
    expect(en.text).not.toContain('VAT 0');
    expect(en.text).toContain('To ask for a refund of this payment, or to stop future payments');
    expect(en.text).not.toContain('Next payment');

    for (const id of ids) expect((await mailedAt(books, id)).receiptMailedAt).not.toBeNull();
    const outbox = await kassa.must('mail.outbox', {});
    expect(outbox.waiting).toEqual([expect.objectContaining({ chargeId: noEmail, problem: 'no_email' })]);

    // A restart finds every receipt marked: none goes twice. (The test's own handle on the books is
    // closed first: the start checks the file alone.)
    await books.close();
    await kassa.restart();
    const reopened = await openTrainingBooks(kassa.dataDir);
    const reopenedMarks = await Promise.all(
      ids.map(async (id) => (await mailedAt(reopened, id)).receiptMailedAt),
    );
    await reopened.close();
    expect(reopenedMarks.every((at) => at !== null)).toBe(true);
    await kassa.must('mail.retryNow', {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received).toHaveLength(3);
  });

  it('keeps a receipt while the server is down and sends it once when it is back', async () => {
    const { kassa, books, sink } = await start();
    await agreement(books, {
      ...{ id: 'agr-down', locale: 'en', email: 'dana@consumer.test', amountCents: 1_500 },
      plan: { period: 'month', chargeCount: 3, vatRate: 21 },
    });
    await sink.stop();
    const id = await charge(books, 'agr-down', 2);
    const down = await kassa.must('mail.retryNow', {});
    expect(down.waiting).toEqual([
      expect.objectContaining({ chargeId: id, attempts: 1, problem: 'unreachable' }),
    ]);
    expect((await mailedAt(books, id)).receiptMailedAt).toBeNull();

    await sink.start();
    const back = await kassa.must('mail.retryNow', {});
    expect(back.waiting).toEqual([]);
    const [mail] = await sink.waitFor(1);
    // The plan's last charge: nothing comes after it.
    expect(mail!.text).toContain('payment 3 of 3 (monthly)');
    expect(mail!.text).toContain('No further payment will be taken under this agreement.');
    expect(await mailedAt(books, id)).toMatchObject({ receiptMailAttempts: 2, receiptMailError: null });
    await kassa.must('mail.retryNow', {});
    expect(sink.received).toHaveLength(1);
  });

  it('answers the test e-mail with the server verdict and never gives the password back', async () => {
    const { kassa, sink } = await start();
    const saved = await kassa.must('mail.getSettings', {});
    expect(saved).toMatchObject({ smtpHost: '127.0.0.1', hasPassword: true, configured: true });
    expect(JSON.stringify(saved)).not.toContain(sink.password);
    // Audited, without the password.
    const audit = await kassa.must('audit.list', { action: 'mail.saveSettings' });
    expect(audit.entries.map((e) => [e.outcome, e.subject])).toEqual([['ok', '127.0.0.1']]);
    expect(JSON.stringify(audit)).not.toContain(sink.password);

    const wrong = await kassa.must('mail.sendTest', {
      testRecipient: 'owner@cafe.test',
      settings: smtpSettings(sink, 'not-the-password'),
    });
    expect(wrong).toMatchObject({ sent: false, problem: 'auth' });
    expect(wrong.serverReply).not.toContain('not-the-password');
    expect(sink.logins.at(-1)).toEqual({ user: sink.user, password: 'not-the-password', accepted: false });

    // No password typed: the stored one is used.
    const { password: _typed, ...withoutPassword } = smtpSettings(sink);
    void _typed;
    const right = await kassa.must('mail.sendTest', {
      testRecipient: 'owner@cafe.test',
      settings: withoutPassword,
    });
    expect(right).toMatchObject({ sent: true, problem: null });
    const [mail] = await sink.waitFor(1);
    expect(mail).toMatchObject({ to: ['owner@cafe.test'], subject: 'Kassa: test e-mail' });

    const closed = await new SmtpSink().start();
    const port = closed.port;
    await closed.stop();
    const nobody = await kassa.must('mail.sendTest', {
      testRecipient: 'owner@cafe.test',
      settings: { ...smtpSettings(sink), smtpPort: port },
    });
    expect(nobody).toMatchObject({ sent: false, problem: 'unreachable' });
  });

  it('tells administrators in the inbox of a receipt not mailed for an hour', async () => {
    const { kassa, books } = await start();
    await agreement(books, {
      id: 'agr-x',
      locale: 'nl',
      email: null,
      amountCents: 900,
      topup: { wristbandId: 'W-9', thresholdCents: 100 },
    });
    await charge(books, 'agr-x', 1);
    const inbox = await kassa.must('inbox.list', {});
    const message = inbox.messages.find((m) => m.kind === 'receipt_mail_failed');
    expect(message).toMatchObject({
      link: 'settings',
      severity: 'warning',
      facts: { amountCents: 900, name: 'Polsbandje', reason: 'no_email' },
    });
  });
});
