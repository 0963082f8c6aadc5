import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import {
  DEFAULT_PROFILES,
  startSimulatorServer,
  TRAINING_TOPUP_PROFILE,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { waitFor } from '../support/temp';
import { seedWristbands, topupPayload } from '../support/wristbands';

let kassa: StationWithShell;
let simulator: SimulatorServer | null = null;
afterEach(async () => {
  await kassa.close();
  await simulator?.close();
  simulator = null;
});

const ORGANISER = { debtorName: 'Festival vzw', debtorIban: 'BE68 5390 0754 7034' };
const ANNA = { name: 'Anna', iban: 'NL91ABNA0417164300' };
const JAN = { name: 'Jan', iban: 'BE71096123456769' };

async function topUp(wristbandId: string, amount: number, debtor = JAN): Promise<string> {
  const before = (await kassa.must('wristbands.get', { wristbandId })).balanceCents;
  const { paymentId } = await kassa.sim<{ paymentId: string }>('/_sim/payer/scan', {
    payload: topupPayload(wristbandId),
    amount,
    debtor,
  });
  await kassa.sim('/_sim/payer/confirm', { paymentId });
  await waitFor(
    async () => (await kassa.must('wristbands.get', { wristbandId })).balanceCents === before + amount,
    3_000,
  );
  return paymentId;
}

const pay = (wristbandId: string, amountCents: number) =>
  kassa.must('till.payWithWristband', { amountCents, idempotencyKey: `k-${Math.random()}`, wristbandId });
const codeOf = (result: Result<unknown>) => (result.ok ? 'OK' : result.error.code);

function get(path: string, host?: string): Promise<{ status: number; type: string; bytes: Buffer }> {
  const url = new URL(kassa.shell.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path, headers: host ? { Host: host } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            bytes: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.once('error', reject);
    req.end();
  });
}

describe('refunds after the event', () => {
  it('refunds what is left to the last payer in a SEPA file and a CSV, and closes the wristband', async () => {
    kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
    const [band, empty, other] = await seedWristbands(kassa.dataDir);
    await topUp(band!, 2_000, JAN);
    const last = await topUp(band!, 1_000, ANNA);
    await pay(band!, 1_750);
    await topUp(other!, 500, JAN);
    await pay(other!, 500);

    const proposed = await kassa.must('refunds.list', {});
    expect(proposed).toEqual([
      expect.objectContaining({
        wristbandId: band,
        amountCents: 1_250,
        status: 'waiting_iban',
        bancontactId: last,
        creditorName: 'Anna',
        ibanMasked: null,
      }),
    ]);
    expect(proposed.map((r) => r.wristbandId)).not.toContain(empty);
    const prepared = await kassa.must('refunds.prepare', {});
    expect(prepared).toEqual([
      expect.objectContaining({ status: 'ready', ibanMasked: 'NL************4300', problem: null }),
    ]);
    expect(JSON.stringify(prepared)).not.toContain(ANNA.iban);

    expect(codeOf(await kassa.call('refunds.export', ORGANISER))).toBe('EVENT_NOT_ENDED');
    await kassa.must('topup.endEvent', { confirm: true });
    const exported = await kassa.must('refunds.export', ORGANISER);
    expect(exported).toEqual({
      exportId: expect.stringMatching(/^[0-9a-f]{24}$/),
      count: 1,
      totalCents: 1_250,
      xmlPath: `/downloads/refunds-${exported.exportId}.xml`,
      csvPath: `/downloads/refunds-${exported.exportId}.csv`,
    });
    const xml = await get(exported.xmlPath);
    expect(xml.status).toBe(200);
    expect(xml.type).toContain('application/xml');
    const body = xml.bytes.toString('utf8');
    expect(body).toContain('<InstdAmt Ccy="EUR">12.50</InstdAmt>');
    expect(body).toContain(`<CdtrAcct><Id><IBAN>${ANNA.iban}</IBAN></Id></CdtrAcct>`);
    expect(body).toContain('<DbtrAcct><Id><IBAN>BE68539007547034</IBAN></Id></DbtrAcct>');
    expect(body).toContain(`Refund wristband ${band}`);
    const csv = await get(exported.csvPath);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.bytes.toString('utf8')).toContain(`${band};Anna;${ANNA.iban};12,50;`);

    const closed = await kassa.must('wristbands.get', { wristbandId: band });
    expect(closed).toMatchObject({ status: 'closed', balanceCents: 0 });
    expect(closed.entries[0]).toMatchObject({ kind: 'refund', amountCents: -1_250 });
    expect(
      codeOf(
        await kassa.call('till.payWithWristband', {
          amountCents: 1,
          idempotencyKey: 'after-close',
          wristbandId: band,
        }),
      ),
    ).toBe('EVENT_ENDED');
    const refunds = await kassa.must('refunds.list', {});
    expect(refunds).toEqual([
      expect.objectContaining({ wristbandId: band, status: 'exported', exportId: exported.exportId }),
    ]);
    expect(codeOf(await kassa.call('refunds.export', ORGANISER))).toBe('NO_REFUNDS_READY');
  });

  it('keeps the liability adding up through top-ups, spending and refunds', async () => {
    kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
    const [a, b, c] = await seedWristbands(kassa.dataDir);
    const check = async () => {
      const l = await kassa.must('topup.getLiability', {});
      const balances = kassa.query<{ s: number }>(
        'select coalesce(sum(balance_cents), 0) s from wristbands',
      )[0]!.s;
      expect(l.toppedUpCents - l.spentCents - l.refundedCents).toBe(l.outstandingCents);
      expect(l.outstandingCents).toBe(balances);
      return l;
    };
    expect(await check()).toEqual({
      toppedUpCents: 0,
      spentCents: 0,
      refundedCents: 0,
      outstandingCents: 0,
      awaitingAttentionCents: 0,
      wristbands: 3,
      wristbandsWithBalance: 0,
    });
    await topUp(a!, 4_000);
    await topUp(b!, 1_500);
    await check();
    await pay(a!, 1_200);
    await kassa.must('wristbands.moveBalance', { fromId: b, toId: c });
    await check();
    await kassa.must('refunds.prepare', {});
    await kassa.must('topup.endEvent', { confirm: true });
    await kassa.must('refunds.export', ORGANISER);
    expect(await check()).toEqual({
      toppedUpCents: 5_500,
      spentCents: 1_200,
      refundedCents: 4_300,
      outstandingCents: 0,
      awaitingAttentionCents: 0,
      wristbands: 3,
      wristbandsWithBalance: 0,
    });
    // The moved balance went back to b's payer, though it was spent from c.
    const refunds = await kassa.must('refunds.list', {});
    expect(refunds.map((r) => [r.wristbandId, r.amountCents]).sort()).toEqual(
      [
        [a, 2_800],
        [c, 1_500],
      ].sort(),
    );
  });

  it('waits while Bancontact has no IBAN yet (REFUND_NOT_AVAILABLE) and asks again on the next prepare', async () => {
    // A simulator whose top-up profile, like app payments of old, knows the payer's IBAN only later.
    const profiles = DEFAULT_PROFILES.map((p) =>
      p.ppid === TRAINING_TOPUP_PROFILE.ppid ? { ...p, refundIbanDelaySeconds: 3_600 } : p,
    );
    simulator = await startSimulatorServer({ port: 0, profiles });
    kassa = await startStationWithShell({ simulatorUrl: simulator.baseUrl, topupSweepIntervalMs: 150 });
    const [band] = await seedWristbands(kassa.dataDir);
    await topUp(band!, 900);
    const waiting = await kassa.must('refunds.prepare', {});
    expect(waiting).toEqual([
      expect.objectContaining({ status: 'waiting_iban', problem: 'REFUND_NOT_AVAILABLE', amountCents: 900 }),
    ]);
    await kassa.must('topup.endEvent', { confirm: true });
    expect(codeOf(await kassa.call('refunds.export', ORGANISER))).toBe('NO_REFUNDS_READY');
    await kassa.sim('/_sim/clock/advance', { ms: 3_601_000 });
    const ready = await kassa.must('refunds.prepare', {});
    expect(ready).toEqual([
      expect.objectContaining({ status: 'ready', problem: null, ibanMasked: 'BE**********6769' }),
    ]);
  });

  it('validates the organiser’s IBAN and serves nothing but its own export files', async () => {
    kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
    const bad = await kassa.call('refunds.export', {
      debtorName: 'Festival vzw',
      debtorIban: 'BE68539007547035',
    });
    expect(bad.ok || bad.error).toMatchObject({ code: 'INVALID_INPUT', fields: ['debtorIban'] });
    expect((await get('/downloads/refunds-0123456789abcdef01234567.xml')).status).toBe(404);
    expect((await get('/downloads/refunds-..%2F..%2Fsecrets.json')).status).toBe(404);
    expect((await get('/downloads/secrets.json')).status).toBe(404);
    expect((await get('/downloads/refunds-0123456789abcdef01234567.csv', 'evil.example')).status).toBe(403);
  });
});
