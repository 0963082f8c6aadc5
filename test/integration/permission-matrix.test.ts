import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type ErrorCode, type MethodName, type Result } from '../../shared/contract';
import type { Role } from '../../shared/domain/roles';
import type { Caller } from '../../electron/core/api/dispatcher';
import { en } from '../../renderer/src/i18n/locales/en';
import { fr } from '../../renderer/src/i18n/locales/fr';
import { nl } from '../../renderer/src/i18n/locales/nl';
import { databaseSql } from '../support/database-sql';
import { linkDevice } from '../support/linked-device';
import { startLinkedStation, type LinkedStation, type Place } from '../support/linked-station';
import { TEST_PASSWORD, type SignedIn } from '../support/sign-in';
import { waitFor } from '../support/temp';
import { MATRIX, type Allowed } from './permission-matrix-table';

/** Every kind of caller the matrix is walked for: each role at each place, the display, and no session. */
type Who =
  | { kind: 'person'; role: Role; on: Place }
  | { kind: 'display' }
  | { kind: 'no session'; on: Exclude<Place, 'Employee bar'> };

const ROLES: readonly Role[] = ['administrator', 'manager', 'financial', 'cashier'];
const PLACES: readonly Place[] = ['station window', 'Manager till', 'Employee bar'];
const EVERYONE: readonly Who[] = [
  ...PLACES.flatMap((on) => ROLES.map((role): Who => ({ kind: 'person', role, on }))),
  { kind: 'display' },
  { kind: 'no session', on: 'station window' },
  { kind: 'no session', on: 'Manager till' },
];

/**
 * Methods whose `{}` is a valid input that would pull the ground from under the walk (ending the
 * session it uses, unlinking its device, leaving training, a new book, closing today, a backup). They
 * get an input with an unknown field instead: the dispatcher decides permission before it reads the
 * input, so an allowed caller gets INVALID_INPUT and nothing runs. Signing out and unlinking for real
 * are cases of their own below.
 */
const WALKED_WITHOUT_RUNNING: ReadonlySet<MethodName> = new Set<MethodName>([
  'session.signOut',
  'devices.unlinkSelf',
  'settings.useTraining',
  'station.startNewBook',
  'reports.closeDay',
  'backups.runNow',
]);

const ALL_METHODS = Object.keys(MATRIX) as MethodName[];

function mayCall(who: Who, allowed: Allowed): boolean {
  if (who.kind === 'no session') return allowed.noSession;
  if (who.kind === 'display') return allowed.display;
  return allowed.roles.includes(who.role) && (who.on !== 'Employee bar' || allowed.employeeDevice);
}

/** Only a person with some work at a place signs in there (a financial user has none at a bar). */
const worksAt = (who: Who): boolean =>
  who.kind !== 'person' || ALL_METHODS.some((m) => mayCall(who, MATRIX[m]) && !MATRIX[m].display);

function describeWho(who: Who): string {
  if (who.kind === 'person')
    return `${who.role === 'administrator' ? 'an' : 'a'} ${who.role} on the ${who.on}`;
  return who.kind === 'display' ? 'the customer display' : `no session on the ${who.on}`;
}

const codeOf = (result: Result<unknown>): string => (result.ok ? 'OK' : result.error.code);

/** What is wrong with one answer, or null when it is what the matrix says. */
function mismatch(method: MethodName, who: Who, result: Result<unknown>): string | null {
  const code = codeOf(result);
  const refusal = who.kind === 'no session' ? 'NOT_SIGNED_IN' : 'FORBIDDEN';
  if (!mayCall(who, MATRIX[method])) return code === refusal ? null : `${method}: ${code}, not ${refusal}`;
  if (WALKED_WITHOUT_RUNNING.has(method))
    return code === 'INVALID_INPUT' ? null : `${method}: ${code}, not INVALID_INPUT`;
  return code === 'FORBIDDEN' || code === 'NOT_SIGNED_IN' ? `${method}: ${code}, but allowed` : null;
}

let linked: LinkedStation;
beforeAll(async () => {
  linked = await startLinkedStation();
});
afterAll(async () => {
  await linked?.kassa.close();
});

describe('the permission matrix', () => {
  it('lists every contract method, and only those', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(methods).sort());
  });

  async function callerOf(who: Who): Promise<() => Promise<Caller>> {
    if (who.kind === 'person') return (await linked.signIn(who.role, who.on)).caller;
    if (who.kind === 'display') return linked.display.caller;
    return linked.places[who.on].caller;
  }

  it.each(EVERYONE.filter(worksAt).map((who) => [describeWho(who), who] as const))(
    'answers %s as the matrix says, for every method',
    async (_name, who) => {
      const caller = await callerOf(who);
      const wrong: string[] = [];
      for (const method of ALL_METHODS) {
        const input = WALKED_WITHOUT_RUNNING.has(method) ? { matrixProbe: true } : {};
        const problem = mismatch(
          method,
          who,
          await linked.kassa.station.dispatch(method, input, await caller()),
        );
        if (problem) wrong.push(problem);
      }
      expect(wrong).toEqual([]);
    },
  );

  it.each(EVERYONE.filter((who) => !worksAt(who)).map((who) => [describeWho(who), who] as const))(
    'does not sign in %s, who has nothing to do there',
    async (_name, who) => {
      if (who.kind !== 'person') throw new Error('only a person signs in');
      await expect(linked.signIn(who.role, who.on)).rejects.toThrow(/session\.signIn failed: FORBIDDEN/);
    },
  );
});

/** The refused calls of this action the audit log holds for this person (or this device's address). */
async function refusals(action: string, by: { staffId: string } | { address: string }, code: ErrorCode) {
  const filter = 'staffId' in by ? { staffId: by.staffId } : {};
  const { entries } = await linked.admin.must('audit.list', { action, outcome: 'refused', ...filter });
  return entries.filter(
    (entry) => entry.detail.error === code && ('staffId' in by || entry.detail.caller === by.address),
  );
}

/** Calls `act` and shows that `read` answers the same after it. */
async function changesNothing<T>(read: () => Promise<T>, act: () => Promise<void>): Promise<void> {
  const before = await read();
  await act();
  expect(await read()).toEqual(before);
}

const API_KEY = 'kassa-live-key-4f1b2c3d4e5f6a7b';
/** The real administrator on the office laptop: sets things up and reads the audit log. */
const admin = (): SignedIn => linked.admin;

describe('the refusals that matter', () => {
  beforeAll(() => linked.nextMinute());
  const refusedAs = async (
    person: SignedIn,
    method: MethodName,
    input: unknown,
    code: ErrorCode = 'FORBIDDEN',
  ) => {
    linked.nextMinute();
    expect(codeOf(await person.call(method, input))).toBe(code);
    expect(await refusals(method, person, code)).toHaveLength(1);
  };

  it('a cashier cannot go live, and the API key is not in the log', async () => {
    const cashier = await linked.signIn('cashier', 'station window');
    const goLive = { environment: 'production', ppid: 'KASSA01', apiKey: API_KEY };
    await changesNothing(
      () => admin().must('settings.get', {}),
      () => refusedAs(cashier, 'settings.goLive', goLive),
    );
    expect((await admin().must('settings.get', {})).mode).toBe('training');
    const { entries } = await admin().must('audit.list', { action: 'settings.goLive' });
    expect(JSON.stringify(entries)).not.toContain(API_KEY);
  });

  it('a manager cannot test or add credentials', async () => {
    const manager = await linked.signIn('manager', 'Manager till');
    const credentials = { environment: 'preprod', ppid: 'KASSA01', apiKey: API_KEY };
    const profile = { ppid: 'FEST01', name: 'Festival', amountMode: 'open', apiKey: API_KEY };
    await changesNothing(
      async () => [
        await admin().must('settings.get', {}),
        await admin().must('settings.listTopupProfiles', {}),
      ],
      async () => {
        await refusedAs(manager, 'settings.testConnection', credentials);
        await refusedAs(manager, 'settings.addTopupProfile', profile);
      },
    );
  });

  it('a cashier cannot create staff', async () => {
    const cashier = await linked.signIn('cashier', 'station window');
    const mallory = { name: 'Mallory', locale: 'nl', role: 'administrator', secret: TEST_PASSWORD };
    await changesNothing(
      () => admin().must('staff.list', {}),
      () => refusedAs(cashier, 'staff.create', mallory),
    );
  });

  it('an Employee device makes no pairing code, even with a manager signed in', async () => {
    const onBar = await linked.signIn('manager', 'Employee bar');
    const secondBar = { name: 'Second bar', rights: 'manager', kind: 'bar' };
    const station = databaseSql(linked.kassa.dataDir, 'station');
    const codes = () => Promise.resolve(station.rows('SELECT count(*) AS n FROM pairing_codes'));
    await changesNothing(codes, () => refusedAs(onBar, 'devices.createPairing', secondBar));
    // The same role on a Manager device may: the refusal was the device's.
    const onTill = await linked.signIn('manager', 'Manager till');
    expect(codeOf(await onTill.call('devices.createPairing', secondBar))).toBe('OK');
  });

  it('neither a manager nor a cashier makes a refund file, and the event can still be reopened', async () => {
    await admin().must('topup.endEvent', { confirm: true });
    const organiser = { debtorName: 'Kassa Fest vzw', debtorIban: 'BE68 5390 0754 7034' };
    const manager = await linked.signIn('manager', 'Manager till');
    const cashier = await linked.signIn('cashier', 'station window');
    await changesNothing(
      async () => [await admin().must('topup.getEvent', {}), await admin().must('refunds.list', {})],
      async () => {
        await refusedAs(manager, 'refunds.export', organiser);
        await refusedAs(cashier, 'refunds.export', organiser);
      },
    );
    expect(await admin().must('topup.reopenEvent', {})).toMatchObject({ ended: false, refundFiles: 0 });
  });

  it('a cashier cannot close the day, even on a Manager till', async () => {
    const cashier = await linked.signIn('cashier', 'Manager till');
    await changesNothing(
      () => admin().must('reports.listZ', {}),
      () => refusedAs(cashier, 'reports.closeDay', {}),
    );
  });

  it('a cashier cannot move a balance', async () => {
    const printed = {
      count: 2,
      amountMode: 'open',
      description: 'Top-up',
      eventName: 'Kassa Fest',
      layout: 'label',
    };
    const { batch } = await admin().must('topup.createBatch', printed);
    const [from, to] = [batch.firstWristbandId, batch.lastWristbandId];
    await admin().must('training.topUp', { wristbandId: from, amountCents: 2_000 });
    const band = (wristbandId: string) => admin().must('wristbands.get', { wristbandId });
    await waitFor(async () => (await band(from)).balanceCents === 2_000, 5_000, 'the top-up');
    const cashier = await linked.signIn('cashier', 'Manager till');
    await changesNothing(
      async () => [await band(from), await band(to)],
      () => refusedAs(cashier, 'wristbands.moveBalance', { fromId: from, toId: to }),
    );
  });

  it('a device naming another till is refused (WRONG_TILL)', async () => {
    const manager = await linked.signIn('manager', 'Manager till');
    await manager.must('drawer.open', { floatCents: 10_000 });
    const cashier = await linked.signIn('cashier', 'Employee bar');
    const otherTill = linked.places['Manager till'].tillId;
    const cash = {
      amountCents: 500,
      tenderedCents: 1_000,
      idempotencyKey: 'matrix-wrong-till',
      tillId: otherTill,
    };
    await changesNothing(
      () => manager.must('drawer.get', {}),
      () => refusedAs(cashier, 'till.payCash', cash, 'WRONG_TILL'),
    );
  });
});

describe('the end of a session or a link', () => {
  it('signing out, revoking and unlinking end access at once, and the refusal is logged', async () => {
    const cashier = await linked.signIn('cashier', 'Employee bar');
    expect(codeOf(await cashier.call('session.signOut', {}))).toBe('OK');
    expect(codeOf(await cashier.call('till.listSales', {}))).toBe('NOT_SIGNED_IN');

    const address = '127.0.0.9';
    const request = { name: 'Spare bar', rights: 'employee', kind: 'bar' } as const;
    const spare = await linkDevice(linked.kassa.station, await linked.admin.caller(), request, address);
    await admin().must('devices.revoke', { deviceId: spare.device.id });
    linked.nextMinute();
    const revoked = await linked.kassa.station.dispatch('till.listSales', {}, await spare.caller());
    expect(codeOf(revoked)).toBe('DEVICE_REVOKED');
    expect(await refusals('till.listSales', { address }, 'DEVICE_REVOKED')).toHaveLength(1);

    const tillId = linked.places['Manager till'].tillId ?? undefined;
    const screen = await linkDevice(linked.kassa.station, await linked.admin.caller(), {
      ...{ name: 'Spare display', rights: 'employee', kind: 'display' },
      tillId,
    });
    expect(codeOf(await linked.kassa.station.dispatch('devices.unlinkSelf', {}, await screen.caller()))).toBe(
      'OK',
    );
    const after = await linked.kassa.station.dispatch('till.getCurrentSale', {}, await screen.caller());
    expect(codeOf(after)).toBe('DEVICE_REVOKED');
  });
});

describe('the refusals in the user’s language', () => {
  it.each(['FORBIDDEN', 'NOT_SIGNED_IN', 'WRONG_TILL', 'DEVICE_REVOKED'] as const)(
    'says %s in English, Dutch and French',
    (code) => {
      const texts = [en, nl, fr].map((catalogue) => catalogue.errors[code]);
      for (const text of texts) expect(text.trim().length).toBeGreaterThan(5);
      expect(new Set(texts).size).toBe(3);
    },
  );
});
