import { afterEach, describe, expect, it } from 'vitest';
import type { InboxMessageView } from '../../shared/contract/inbox-methods';
import { callbackBody, createSigningKey, signCallback } from '../support/callback-signer';
import type { Role } from '../../shared/domain/roles';
import { linkDevice, openDeviceNetwork } from '../support/linked-device';
import { signInAs, type SignedIn } from '../support/sign-in';
import { localCaller } from '../support/station-in-process';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';

/*
 * The inbox (issue 14, point 3): messages derived from what really happened at the station, each shown
 * to the people whose role may act on it, read per person, gone once the cause is.
 */

let kassa: StationWithShell;
/** The station's clock; Brussels is UTC+1 in January. */
let clock = Date.parse('2026-01-14T10:00:00Z');
afterEach(async () => {
  await kassa.close();
});

const kinds = (view: { messages: InboxMessageView[] }) => view.messages.map((m) => m.kind).sort();
const unread = async (person: SignedIn) => (await person.must('inbox.unreadCount', {})).unread;

/** A callback signed with a key Bancontact never had, posted to the station's real callback endpoint. */
async function refusedCallback(): Promise<number> {
  const jwks = (await (await fetch(`${kassa.station.simulatorUrl()}/jwks`)).json()) as {
    keys: { kid: string }[];
  };
  const impostor = await createSigningKey(jwks.keys[0]!.kid);
  const callbackUrl = (await kassa.must('settings.get', {})).callbackUrl!;
  const ppid = callbackUrl.split('/').pop()!;
  const body = callbackBody();
  const path = `${kassa.shell.url}/callbacks/${ppid}`;
  const response = await fetch(path, {
    method: 'POST',
    headers: { signature: signCallback(body, impostor, { ppid, path }) },
    body,
  });
  return response.status;
}

/** Each person at their own Manager till (a sign-in on a device ends the session before it). */
async function personAt(name: string, role: Role, by?: SignedIn): Promise<SignedIn> {
  const admin = by ? await by.caller() : localCaller;
  const till = await linkDevice(kassa.station, admin, {
    name: `Till ${name}`,
    rights: 'manager',
    kind: 'till',
  });
  return signInAs(kassa.station, role, { name, on: till.credentials, ...(by ? { by: admin } : {}) });
}

/** Two managers, a cashier and two administrators, the first administrator retiring the training one. */
async function people() {
  await openDeviceNetwork(kassa.station, localCaller);
  const managerA = await personAt('Mia', 'manager');
  const managerB = await personAt('Noor', 'manager');
  const cashier = await personAt('Cas', 'cashier');
  const adminA = await personAt('Ada', 'administrator');
  const adminB = await personAt('Bo', 'administrator', adminA);
  return { managerA, managerB, cashier, adminA, adminB };
}

describe('the inbox', () => {
  it('tells of a refused callback and a day left without its Z, per role, read per person', async () => {
    kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000, now: () => clock });
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    await kassa.must('till.payCash', {
      ...{ amountCents: 1_250, tenderedCents: 1_250, idempotencyKey: 'inbox-cash-1', tillId: 'till-1' },
    });
    await kassa.must('drawer.close', { tillId: 'till-1', countedCents: 1_250 });
    expect(await refusedCallback()).toBe(401);
    clock = Date.parse('2026-01-15T10:00:00Z');
    const { managerA, managerB, cashier, adminA, adminB } = await people();

    const managers = await managerA.must('inbox.list', {});
    expect(kinds(managers)).toEqual(['callbacks_refused', 'day_without_z']);
    const dayMessage = managers.messages.find((m) => m.kind === 'day_without_z')!;
    expect(dayMessage).toMatchObject({
      link: 'reports',
      read: false,
      facts: { day: '2026-01-14', count: 1, amountCents: 1_250 },
    });
    // Refused callbacks are looked into where their list is (Settings), by a manager or an administrator.
    const callbackMessage = managers.messages.find((m) => m.kind === 'callbacks_refused')!;
    expect(callbackMessage).toMatchObject({
      link: 'settings',
      severity: 'error',
      facts: { count: 1, reason: 'BAD_SIGNATURE' },
    });
    expect(kinds(await adminA.must('inbox.list', {}))).toEqual(['callbacks_refused', 'day_without_z']);
    // A cashier can close no day and read no refused callback.
    expect(await cashier.must('inbox.list', {})).toEqual({ messages: [], unread: 0 });
    expect(await unread(cashier)).toBe(0);

    // Reading is each person's own, and the count falls as they read.
    expect(await unread(managerA)).toBe(2);
    expect(await managerA.must('inbox.markRead', { key: dayMessage.key })).toEqual({ unread: 1 });
    expect(await managerA.must('inbox.markRead', { key: callbackMessage.key })).toEqual({ unread: 0 });
    expect(await unread(managerB)).toBe(2);
    const callbackKey = callbackMessage.key;
    expect(await adminA.must('inbox.markRead', { key: callbackKey })).toEqual({ unread: 1 });
    expect(await adminA.must('inbox.markAllRead', {})).toEqual({ unread: 0 });
    expect((await adminA.must('inbox.list', {})).messages.every((m) => m.read)).toBe(true);
    expect(await unread(adminB)).toBe(2);
    // Who marked which warning read, and when, is in the audit log.
    const logged = await adminB.must('audit.list', { action: 'inbox.*' });
    expect(logged.entries.map((e) => [e.action, e.staff?.name, e.subject])).toEqual([
      ['inbox.markAllRead', 'Ada', null],
      ['inbox.markRead', 'Ada', callbackKey],
      ['inbox.markRead', 'Mia', callbackKey],
      ['inbox.markRead', 'Mia', dayMessage.key],
    ]);
    // A cashier cannot mark what is not in their inbox, nor anyone a made-up message.
    const refused = await cashier.call('inbox.markRead', { key: callbackKey });
    expect(refused.ok ? 'OK' : refused.error.code).toBe('NOT_FOUND');

    // The cause gone, the message goes: the day is closed.
    await managerB.must('reports.closeDay', { date: '2026-01-14' });
    expect(kinds(await managerB.must('inbox.list', {}))).toEqual(['callbacks_refused']);
    expect(kinds(await adminB.must('inbox.list', {}))).toEqual(['callbacks_refused']);
  });

  it('tells a manager of a linked device not seen for three days', async () => {
    kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000, now: () => clock });
    await openDeviceNetwork(kassa.station, localCaller);
    await linkDevice(kassa.station, localCaller, { name: 'Bar tablet', rights: 'employee', kind: 'bar' });
    const manager = await signInAs(kassa.station, 'manager');
    clock += 2 * DAY;
    expect(await manager.must('inbox.list', {})).toEqual({ messages: [], unread: 0 });
    clock += 2 * DAY;
    const cashier = await signInAs(kassa.station, 'cashier');
    expect((await manager.must('inbox.list', {})).messages).toEqual([
      expect.objectContaining({
        kind: 'device_unseen',
        link: 'devices',
        facts: { name: 'Bar tablet', days: 4 },
      }),
    ]);
    expect(await unread(cashier)).toBe(0);
  });
});

const DAY = 24 * 60 * 60 * 1000;
