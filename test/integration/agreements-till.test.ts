import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgreementTillView, MethodName, MethodOutput } from '../../shared/contract';
import { dueAtOfCharge } from '../../shared/domain/plan-schedule';
import {
  startPproTestStation,
  startTestPproSimulator,
  type TestPproSimulator,
} from '../support/ppro-station';
import { signInAs } from '../support/sign-in';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { waitFor } from '../support/temp';

/*
 * Selling a Bancontact payment agreement at the till (docs/agreements.md), against the test's own PPRO
 * simulator over real HTTP: the consumer authorises or refuses through the simulator's control API.
 */

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<MethodOutput<M>>;
type Try = (method: MethodName, input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;

const monthly = { kind: 'plan', period: 'month', chargeCount: 12 } as const;
const consumer = { name: 'An Peeters', email: 'an@example.be', locale: 'nl' };

let closeAll: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closeAll.reverse()) await close();
  closeAll = [];
});

/** A manager saves the membership: an article sold as a monthly plan. */
async function membershipArticle(station: Parameters<typeof signInAs>[0], priceCents = 1500) {
  const manager = await signInAs(station, 'manager');
  const saved = await manager.must('articles.save', {
    ...{ name: 'Lidgeld', priceCents, vatRate: 21, recurringPlan: monthly },
  });
  return saved.id;
}

const sell = (call: Call, articleId: string, key = 'agreement-key-0001') =>
  call('agreements.startAtTill', {
    ...{ tillId: 'till-1', idempotencyKey: key, articleId, consumer, termsAccepted: true },
  });

async function until(call: Call, agreementId: string, test: (view: AgreementTillView) => boolean) {
  return waitFor(
    async () => {
      const view = await call('agreements.getForTill', { tillId: 'till-1', agreementId });
      return view && test(view) ? view : undefined;
    },
    8_000,
    `agreement ${agreementId}`,
  );
}

async function expectPaidAndActive(call: Call, ppro: TestPproSimulator, started: AgreementTillView) {
  const paid = await until(call, started.id, (view) => view.status === 'active');
  expect(paid).toMatchObject({ saleStatus: 'paid', codePayload: null, failure: null });
  const clock = await ppro.control<{ now: string }>('/_sim/clock');
  const anchor = Date.parse(paid.anchorAt!);
  // Anchored on PPRO's time (the simulator's clock), the next charge a calendar month later.
  expect(Math.abs(anchor - Date.parse(clock.body.now))).toBeLessThan(60_000);
  expect(paid.nextChargeAt).toBe(new Date(dueAtOfCharge(anchor, 'month', 1)).toISOString());
  const sale = await call('till.getSale', { saleId: started.saleId });
  expect(sale).toMatchObject({ status: 'paid', amountCents: 1500 });
  const listed = await call('reports.listTransactions', { method: 'agreement', limit: 10 });
  expect(JSON.stringify(listed)).toContain(started.saleId);
}

describe('selling an agreement at the till', () => {
  it('polls a pending agreement (no webhooks URL): authorised, the sale is paid, the agreement active', async () => {
    const kassa = await startPproTestStation({ station: { agreementPollIntervalMs: 100 } });
    closeAll.push(() => kassa.close());
    const call = kassa.station.must as Call;
    const articleId = await membershipArticle(kassa.station.station);
    const started = await sell(call, articleId);
    expect(started).toMatchObject({ status: 'pending', saleStatus: 'open', amountCents: 1500, kind: 'plan' });
    expect(started.codePayload).toMatch(/^BEP:\/\//);
    // The customer display asks for the till's agreement and gets its QR.
    const shown = await call('agreements.getForTill', { tillId: 'till-1' });
    expect(shown?.codePayload).toBe(started.codePayload);
    // The same till key again (a double tap): the same agreement, no second one at PPRO.
    expect((await sell(call, articleId)).id).toBe(started.id);
    const answer = await kassa.ppro.control('/_sim/consumer/authorise', { codePayload: started.codePayload });
    expect(answer.status).toBe(200);
    await expectPaidAndActive(call, kassa.ppro, started);
    // Without an HTTP shell the station gave PPRO no webhooks URL: polling alone brought it.
    const webhooks = await kassa.ppro.control<{ webhooks: unknown[] }>('/_sim/webhooks');
    expect(webhooks.body.webhooks).toEqual([]);
  });

  it('follows the webhook (polling slowed to a minute): read back from PPRO, paid at once', async () => {
    const ppro = await startTestPproSimulator();
    closeAll.push(() => ppro.close());
    const kassa: StationWithShell = await startStationWithShell({
      pproSimulatorUrl: ppro.baseUrl,
      agreementPollIntervalMs: 60_000,
    });
    closeAll.push(() => kassa.close());
    const articleId = await membershipArticle(kassa.station);
    const started = await sell(kassa.must as Call, articleId);
    await ppro.control('/_sim/consumer/authorise', { codePayload: started.codePayload });
    await expectPaidAndActive(kassa.must as Call, ppro, started);
    const webhooks = await ppro.control<{ webhooks: Array<{ url: string }> }>('/_sim/webhooks');
    expect(webhooks.body.webhooks.length).toBeGreaterThan(0);
    expect(webhooks.body.webhooks[0]).toMatchObject({ url: `${kassa.shell.url}/ppro/webhooks` });
    // The consumer revokes it in their bank app: the webhook alone (no charge is due, polling is slow)
    // makes it revoked in Kassa, read back from PPRO.
    await ppro.control('/_sim/consumer/revoke', { codePayload: started.codePayload });
    await until(kassa.must as Call, started.id, (view) => view.status === 'revoked');
    // An unknown agreement's webhook is answered 2xx and changes nothing.
    const stray = await fetch(`${kassa.shell.url}/ppro/webhooks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 'evt_x', type: 'PAYMENT_AGREEMENT_ACTIVE', data: { id: 'agr_unknown' } }),
    });
    expect(stray.status).toBe(200);
  });

  it('training without a configured simulator starts the embedded one on first use, its store in the data folder', async () => {
    const kassa = await startStationWithShell({ agreementPollIntervalMs: 60_000 });
    closeAll.push(() => kassa.close());
    // Nothing started yet: every station opens training mode, few sell agreements.
    expect(existsSync(join(kassa.dataDir, 'ppro-simulator.sqlite'))).toBe(false);
    const articleId = await membershipArticle(kassa.station);
    const started = await sell(kassa.must as Call, articleId);
    expect(existsSync(join(kassa.dataDir, 'ppro-simulator.sqlite'))).toBe(true);
    const approved = await kassa.must('training.authoriseAgreement', { agreementId: started.id });
    expect(approved).toMatchObject({ status: 'active', saleStatus: 'paid' });
  });

  it('a refusal leaves the sale unpaid and the agreement failed; the till is free again', async () => {
    const kassa = await startPproTestStation({ station: { agreementPollIntervalMs: 100 } });
    closeAll.push(() => kassa.close());
    const call = kassa.station.must as Call;
    const articleId = await membershipArticle(kassa.station.station);
    const started = await sell(call, articleId);
    const refused = await call('training.refuseAgreement', { agreementId: started.id });
    expect(refused).toMatchObject({ status: 'failed', saleStatus: 'unpaid', codePayload: null });
    expect(refused.failure).not.toBeNull();
    const next = await sell(call, articleId, 'agreement-key-0002');
    expect(next).toMatchObject({ status: 'pending' });
    const cancelled = await call('agreements.cancelAtTill', { agreementId: next.id });
    expect(cancelled).toMatchObject({ status: 'revoked', saleStatus: 'cancelled' });
    const atPpro = await kassa.ppro.control<{ status: string }>('/_sim/consumer/authorise', {
      codePayload: next.codePayload,
    });
    // Revoked at PPRO first: the consumer can no longer authorise it.
    expect(atPpro.status).toBe(409);
  });

  it('PPRO out of reach: said at the till, and the same key asks again for one agreement', async () => {
    const kassa = await startPproTestStation({ station: { agreementPollIntervalMs: 100 } });
    closeAll.push(() => kassa.close());
    const articleId = await membershipArticle(kassa.station.station);
    await fetch(`${kassa.ppro.baseUrl}/_sim/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ next: ['503'] }),
    });
    const input = {
      tillId: 'till-1',
      idempotencyKey: 'agreement-key-0004',
      articleId,
      consumer,
      termsAccepted: true,
    };
    const first = await (kassa.station.call as Try)('agreements.startAtTill', input);
    expect(first).toMatchObject({ ok: false, error: { code: 'PPRO_UNAVAILABLE' } });
    const again = await kassa.station.must('agreements.startAtTill', input);
    expect(again).toMatchObject({ status: 'pending', saleStatus: 'open' });
    expect(again.codePayload).toMatch(/^BEP:\/\//);
    const held = await kassa.ppro.control<{ agreementId: string }>('/_sim/consumer/authorise', {
      codePayload: again.codePayload,
    });
    expect(held.status).toBe(200);
    await until(kassa.station.must as Call, again.id, (view) => view.status === 'active');
  });

  it('follows a pending agreement again after a restart', async () => {
    const kassa = await startPproTestStation({ station: { agreementPollIntervalMs: 100 } });
    closeAll.push(() => kassa.close());
    const articleId = await membershipArticle(kassa.station.station);
    const started = await sell(kassa.station.must as Call, articleId);
    await kassa.station.restart();
    await kassa.ppro.control('/_sim/consumer/authorise', { codePayload: started.codePayload });
    await expectPaidAndActive(kassa.station.must as Call, kassa.ppro, started);
  });

  it('refuses an amount above the merchant maximum clearly, naming the maximum', async () => {
    const kassa = await startPproTestStation({ simulator: { settings: { maxAmount: 1000 } } });
    closeAll.push(() => kassa.close());
    const articleId = await membershipArticle(kassa.station.station, 1500);
    const tried = (await (kassa.station.call as Try)('agreements.startAtTill', {
      ...{ tillId: 'till-1', idempotencyKey: 'agreement-key-0003', articleId, consumer, termsAccepted: true },
    })) as { ok: boolean; error?: { code: string; maxCents?: number } };
    expect(tried).toMatchObject({ ok: false, error: { code: 'PPRO_ABOVE_MAXIMUM', maxCents: 1000 } });
    const view = await kassa.station.must('agreements.getForTill', { tillId: 'till-1' });
    expect(view).toMatchObject({ status: 'failed', saleStatus: 'unpaid' });
  });
});
