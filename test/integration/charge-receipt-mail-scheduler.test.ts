import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open-database';
import {
  activePlan,
  advanceClock,
  MONTH_MS,
  reopenTestBooks,
  testPproClient,
} from '../support/agreement-charges';
import { startPproTestStation, type PproTestStation } from '../support/ppro-station';
import { SmtpSink } from '../support/smtp-sink';

/*
 * The receipts of charges the station makes by itself: a training station with its own PPRO simulator
 * charges a due agreement, and that charge's receipt reaches a real SMTP server without anyone asking,
 * woken by the capture (not by the outbox's 30-second look).
 */

let kassa: PproTestStation | null = null;
let books: Db | null = null;
let sink: SmtpSink | null = null;

afterEach(async () => {
  await books?.close();
  await kassa?.close();
  await sink?.stop();
  kassa = books = sink = null;
});

it('mails the receipt of each charge the scheduler captures, the first one paid at the till included', async () => {
  kassa = await startPproTestStation();
  const { station, ppro } = kassa;
  books = await reopenTestBooks(station.database ?? join(station.dataDir, 'training.sqlite'));
  sink = await new SmtpSink().start();
  const plan = await activePlan(books, ppro.baseUrl, { amountCents: 1_850, vatRate: 6, chargeCount: 12 });
  // Saving the settings looks at the outbox at once: the first charge, captured at the till, goes.
  await station.must('mail.saveSettings', {
    ...{ smtpHost: '127.0.0.1', smtpPort: sink.port, smtpSecurity: 'none', smtpUser: sink.user },
    ...{ password: sink.password, fromAddress: 'kassa@club.test', contactEmail: 'bestuur@club.test' },
    contactPhone: '',
  });
  const [first] = await sink.waitFor(1);
  expect(first!.to).toEqual(['ernestine@example.be']);
  expect(first!.text).toContain('betaling 1 van 12 (maandelijks)');

  await advanceClock(ppro.baseUrl, MONTH_MS);
  const mails = await sink.waitFor(2, 20_000);
  const charges = await testPproClient(ppro.baseUrl).listCharges(plan.pproId);
  expect(charges).toHaveLength(2);
  const second = mails[1]!;
  expect(second.to).toEqual(['ernestine@example.be']);
  expect(second.text).toContain('betaling 2 van 12 (maandelijks)');
  expect(second.text).toContain(plan.id);
  // The reference PPRO gave the charge it made, which is not the first one's.
  const secondCharge = charges.find((c) => !first!.text.includes(c.id))!;
  expect(second.text).toContain(secondCharge.id);
  expect(second.text).toContain('bestuur@club.test');
  expect(sink.received).toHaveLength(2);
});
