import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractFailure } from '../../shared/contract';
import type { Role } from '../../shared/domain/roles';
import {
  createDispatcher,
  type Caller,
  type Dispatch,
  type Handlers,
} from '../../electron/core/api/dispatcher';
import { auditedDispatch } from '../../electron/core/audit/audited-dispatch';
import { silentLogger } from '../../electron/core/logging/logger';
import { auditFixture, rows, type AuditFixture } from './audit-fixture';

const API_KEY = 'ak-2f1e6c0d9b8a7f6e5d4c3b2a19087766';
const MINUTE = 60_000;

/** The station's side of a few methods, answering as the real ones do. */
const handlers = {
  'reports.closeDay': () => ({
    kind: 'z',
    number: 7,
    businessDate: '2026-12-02',
    sales: { count: 3, cents: 4_250 },
  }),
  'settings.testConnection': (input: { environment: string }) => ({
    environment: input.environment,
    ok: true,
  }),
  'wristbands.moveBalance': (input: { fromId: string; toId: string }) => ({
    from: { id: input.fromId.toUpperCase(), balanceCents: 0 },
    to: { id: input.toId.toUpperCase(), balanceCents: 1_500 },
  }),
  'refunds.export': () => {
    throw new ContractFailure('NO_REFUNDS_READY', 'No refunds are ready');
  },
  'till.listSales': () => [],
} as unknown as Handlers;

function caller(role: Role | null, device: string | null = 'device-till-2', address = '127.0.0.2'): Caller {
  const dev = device
    ? { id: device, name: 'Till 2', kind: 'till' as const, rights: 'manager' as const, tillId: 'till-2' }
    : null;
  return {
    channel: 'device-https',
    rights: role
      ? { session: 'staff', role, deviceRights: 'manager', deviceKind: 'till' }
      : { session: 'none' },
    staff: role ? { id: `staff-${role}`, name: `A ${role}`, role } : null,
    device: dev,
    sessionId: role ? 'session-1' : null,
    address,
  };
}

let f: AuditFixture;
let dispatch: Dispatch;
beforeEach(async () => {
  f = auditFixture();
  dispatch = auditedDispatch(createDispatcher(handlers, silentLogger), f.log, silentLogger);
});
afterEach(() => f.close());

const detail = (row: Record<string, unknown> | undefined) => JSON.parse(String(row?.detail));

describe('auditedDispatch', () => {
  it('records a Z with its number, who closed the day and on which device', async () => {
    const answer = await dispatch('reports.closeDay', { date: '2026-12-02' }, caller('manager'));
    expect(answer.ok).toBe(true);
    const [row] = await rows(f.db);
    expect(row).toMatchObject({
      action: 'reports.closeDay',
      outcome: 'ok',
      subject: 'Z 7',
      staff_id: 'staff-manager',
      staff_name: 'A manager',
      device_id: 'device-till-2',
      device_name: 'Till 2',
    });
    expect(detail(row)).toEqual({
      input: { date: '2026-12-02' },
      businessDate: '2026-12-02',
      sales: 3,
      salesCents: 4_250,
    });
  });

  it('records a move of a balance as from → to, with the ids the station answered', async () => {
    await dispatch('wristbands.moveBalance', { fromId: 'ab12', toId: 'cd34' }, caller('manager'));
    expect((await rows(f.db))[0]).toMatchObject({ subject: 'AB12 → CD34', outcome: 'ok' });
  });

  it('records a refused audited call with its error code, and the answer is unchanged', async () => {
    const answer = await dispatch(
      'refunds.export',
      { debtorName: 'Festival vzw', debtorIban: 'BE68539007547034' },
      caller('administrator'),
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'NO_REFUNDS_READY' } });
    expect((await rows(f.db))[0]).toMatchObject({
      action: 'refunds.export',
      outcome: 'refused',
      subject: null,
    });
    expect(detail((await rows(f.db))[0])).toMatchObject({ error: 'NO_REFUNDS_READY' });
  });

  it('never writes the API key of a credential check, done or refused, anywhere in the file', async () => {
    const admin = caller('administrator');
    await dispatch(
      'settings.testConnection',
      { environment: 'preprod', ppid: 'PPID1', apiKey: API_KEY },
      admin,
    );
    await dispatch(
      'settings.goLive',
      { environment: 'preprod', ppid: 'not a ppid!', apiKey: API_KEY },
      admin,
    );
    const written = await rows(f.db);
    expect(written.map((row) => [row.action, row.outcome, row.subject])).toEqual([
      ['settings.testConnection', 'ok', 'preprod'],
      ['settings.goLive', 'refused', null],
    ]);
    expect(detail(written[0])).toEqual({ input: { environment: 'preprod', ppid: 'PPID1' } });
    expect(detail(written[1])).toMatchObject({ error: 'INVALID_INPUT', fields: ['ppid'] });
    f.db.client.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(f.file).toString('latin1');
    expect(bytes).toContain('PPID1');
    expect(bytes).not.toContain(API_KEY);
  });

  it('leaves out every input field named like a secret, even in a refused call’s raw input', async () => {
    const secrets = {
      apiKey: 'v-apikey-1',
      secret: 'v-secret-2',
      password: 'v-password-3',
      pin: '98765',
      token: 'v-token-5',
      code: 'v-code-6',
      pairingCode: 'v-pairing-7',
      newPassword: 'v-new-8',
      sessionToken: 'v-session-9',
    };
    await dispatch(
      'settings.goLive',
      { environment: 'production', ppid: 'PPID2', ...secrets },
      caller('cashier'),
    );
    const stored = String((await rows(f.db))[0]?.detail);
    expect(JSON.parse(stored)).toMatchObject({
      error: 'FORBIDDEN',
      input: { environment: 'production', ppid: 'PPID2' },
    });
    for (const value of Object.values(secrets)) expect(stored).not.toContain(value);
  });

  it('counts a cashier’s repeated forbidden calls per minute, for any method', async () => {
    for (let i = 0; i < 50; i += 1) {
      const answer = await dispatch('reports.closeDay', {}, caller('cashier'));
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await rows(f.db)).toHaveLength(1);
    expect((await rows(f.db))[0]).toMatchObject({
      action: 'reports.closeDay',
      outcome: 'refused',
      staff_id: 'staff-cashier',
    });
    expect(detail((await rows(f.db))[0])).toMatchObject({ error: 'FORBIDDEN', caller: 'device-till-2' });
    f.clock.ms += MINUTE;
    await f.log.flush();
    expect(detail((await rows(f.db))[1])).toMatchObject({ repeated: 49 });
  });

  it('counts calls without a session against the address when there is no device', async () => {
    await dispatch('till.listSales', {}, caller(null, null, '127.0.0.9'));
    await dispatch('till.listSales', {}, caller(null, null, '127.0.0.9'));
    expect(await rows(f.db)).toHaveLength(1);
    expect((await rows(f.db))[0]).toMatchObject({
      action: 'till.listSales',
      outcome: 'refused',
      device_id: null,
    });
    expect(detail((await rows(f.db))[0])).toMatchObject({ error: 'NOT_SIGNED_IN', caller: '127.0.0.9' });
  });

  it('does not record ordinary calls of methods that are not audited', async () => {
    expect(await dispatch('till.listSales', {}, caller('cashier'))).toMatchObject({ ok: true });
    expect(await rows(f.db)).toEqual([]);
  });

  it('still answers when the audit log cannot be written', async () => {
    f.db.client.exec('DROP TABLE audit_refusal_tallies');
    const answer = await dispatch('reports.closeDay', {}, caller('cashier'));
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
