import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEFAULT_CHARGE_RETRY_POLICY } from '../../shared/contract/charge-methods';
import type { Db } from '../../electron/core/db/open-database';
import {
  activePlan,
  advanceClock,
  agreementRow,
  MONTH_MS,
  reopenTestBooks,
  testPproClient,
} from '../support/agreement-charges';
import { startPproTestStation, type PproTestStation } from '../support/ppro-station';
import { signInAs } from '../support/sign-in';
import { waitFor } from '../support/temp';

/*
 * The scheduler as the running mode has it: a training station with its own PPRO simulator charges a
 * due agreement by itself, lists it with method agreement and tells its screens; the retry policy,
 * revocation and their refusals through the contract, audited.
 */

let kassa: PproTestStation;
let books: Db;

beforeEach(async () => {
  kassa = await startPproTestStation();
  const { station } = kassa;
  books = await reopenTestBooks(station.database ?? join(station.dataDir, 'training.sqlite'));
});

afterEach(async () => {
  await books.close();
  await kassa.close();
});

it('charges a due agreement by itself, lists it with method agreement and tells the screens', async () => {
  const { station, ppro } = kassa;
  const plan = await activePlan(books, ppro.baseUrl, { amountCents: 1_850, vatRate: 6 });
  await advanceClock(ppro.baseUrl, MONTH_MS);

  const rows = await waitFor(
    async () => {
      const page = await station.must('reports.listTransactions', { method: 'agreement' });
      return page.rows.length > 0 ? page.rows : null;
    },
    20_000,
    'the charge in the transactions',
  );
  expect(rows.map((r) => [r.method, r.status, r.amountCents, r.tillId])).toEqual([
    ['agreement', 'succeeded', 1_850, 'till-1'],
  ]);
  expect(station.events.filter((e) => e.name === 'agreements.charged')).toHaveLength(1);
  const x = await station.must('reports.getX', {});
  expect(x.byMethod.find((m) => m.method === 'agreement')).toEqual({
    method: 'agreement',
    count: 1,
    cents: 1_850,
  });
  expect(await testPproClient(ppro.baseUrl).listCharges(plan.pproId)).toHaveLength(2);
});

it('reads and changes the retry policy, refuses a bad one by its field, and audits the change', async () => {
  const { station } = kassa;
  expect(await station.must('charges.retryPolicy', {})).toEqual(DEFAULT_CHARGE_RETRY_POLICY);
  expect(await station.must('charges.setRetryPolicy', { delaysMinutes: [30, 120] })).toEqual({
    delaysMinutes: [30, 120],
  });
  expect(await station.must('charges.retryPolicy', {})).toEqual({ delaysMinutes: [30, 120] });
  const refused = await station.call('charges.setRetryPolicy', { delaysMinutes: [0] });
  expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  if (!refused.ok) expect(JSON.stringify(refused.error)).toContain('delaysMinutes');

  const audit = await station.must('audit.list', { action: 'charges.setRetryPolicy' });
  expect(audit.entries.map((e) => e.outcome).sort()).toEqual(['ok', 'refused']);
});

it('revokes an agreement through the contract, says NOT_FOUND for an unknown one, and audits both', async () => {
  const { station, ppro } = kassa;
  const plan = await activePlan(books, ppro.baseUrl);
  expect(await station.must('agreements.revoke', { agreementId: plan.id })).toMatchObject({
    agreementId: plan.id,
    status: 'revoked',
    revokedBy: 'merchant',
  });
  expect((await testPproClient(ppro.baseUrl).getAgreement(plan.pproId)).status).toBe('REVOKED');
  expect(await station.call('agreements.revoke', { agreementId: 'nope' })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  const audit = await station.must('audit.list', { action: 'agreements.revoke' });
  expect(audit.entries.map((e) => [e.outcome, e.subject]).sort()).toEqual([
    ['ok', plan.id],
    ['refused', 'nope'],
  ]);
});

it('charges a membership sold at the till: three months on, exactly three more charges, one per month', async () => {
  const { station, ppro } = kassa;
  const manager = await signInAs(station.station, 'manager');
  const article = await manager.must('articles.save', {
    ...{ name: 'Lidgeld', priceCents: 1_500, vatRate: 21 },
    recurringPlan: { kind: 'plan', period: 'month', chargeCount: 12 },
  });
  const sold = await station.must('agreements.startAtTill', {
    ...{ tillId: 'till-1', idempotencyKey: 'membership-0001', articleId: article.id, termsAccepted: true },
    consumer: { name: 'An Peeters', email: 'an@example.be', locale: 'nl' },
  });
  await station.must('training.authoriseAgreement', { agreementId: sold.id });
  const booked = async () => (await station.must('reports.listTransactions', { method: 'agreement' })).rows;
  await waitFor(async () => (await booked()).length === 1, 20_000, 'the first charge paid at the till');

  await advanceClock(ppro.baseUrl, 3 * MONTH_MS - 2 * 86_400_000);
  const rows = await waitFor(
    async () => ((await booked()).length >= 4 ? booked() : null),
    30_000,
    'three more charges',
  );
  expect(rows.map((r) => [r.method, r.status, r.amountCents])).toEqual(
    Array(4).fill(['agreement', 'succeeded', 1_500]),
  );
  const { pproId } = await agreementRow(books, sold.id);
  const atPpro = await testPproClient(ppro.baseUrl).listCharges(pproId!);
  expect(atPpro.map((c) => c.status)).toEqual(['CAPTURED', 'CAPTURED', 'CAPTURED', 'CAPTURED']);
  // Charged as they fell due, the fourth month not yet.
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  expect(await booked()).toHaveLength(4);
});
