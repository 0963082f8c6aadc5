import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPageView, DeviceSoundView, SessionView } from '../../shared/contract';
import type { Station } from '../../electron/core/station';
import { linkDevice, openDeviceNetwork, type LinkedDevice } from '../support/linked-device';
import { signInAs, TEST_PIN, type SignedIn } from '../support/sign-in';
import { startTestStation, type TestStation } from '../support/station-in-process';

/*
 * Issue 14's Settings on a real station (SQLite, and PostgreSQL under integration-pg): each person's
 * own language, kept with them and given back at sign-in, and each device's payment sound, kept by
 * the station across a restart.
 */

let kassa: TestStation;
let till: LinkedDevice;
let bar: LinkedDevice;
let display: LinkedDevice;
let admin: SignedIn;

beforeAll(async () => {
  kassa = await startTestStation();
  const training = await kassa.station.access.callerFor({ channel: 'local-http' });
  await openDeviceNetwork(kassa.station, training);
  till = await linkDevice(kassa.station, training, { name: 'Till 1', rights: 'manager', kind: 'till' });
  bar = await linkDevice(kassa.station, training, { name: 'Bar', rights: 'employee', kind: 'bar' });
  display = await linkDevice(kassa.station, training, {
    ...{ name: 'Display', rights: 'employee', kind: 'display' },
    tillId: till.device.tillId ?? undefined,
  });
  admin = await signInAs(kassa.station, 'administrator', { name: 'Ans Admin' });
});

afterAll(async () => {
  await kassa?.close();
});

/** A person signing in again on a device, as the sign-in screen does: the answer the screen follows. */
async function signInAgain(station: Station, person: SignedIn, on: LinkedDevice): Promise<SessionView> {
  const caller = { ...(await on.caller()), session: { set: () => undefined, clear: () => undefined } };
  const signed = await station.dispatch(
    'session.signIn',
    { staffId: person.staffId, secret: TEST_PIN },
    caller,
  );
  if (!signed.ok) throw new Error(`session.signIn failed: ${signed.error.code}`);
  return signed.value as SessionView;
}

const cashierOn = async (name: string, on: LinkedDevice): Promise<SignedIn> =>
  signInAs(kassa.station, 'cashier', { name, by: await admin.caller(), on: on.credentials });

describe("a person's own language", () => {
  it('is stored with them, given back at their next sign-in, and audited; nobody else changes', async () => {
    const lies = await cashierOn('Lies', till);
    const marc = await cashierOn('Marc', bar);
    const answered = await lies.must('session.setMyLocale', { locale: 'fr' });
    expect(answered.staff).toMatchObject({ id: lies.staffId, locale: 'fr' });

    await lies.must('session.signOut', {});
    const again = await signInAgain(kassa.station, lies, till);
    expect(again.staff).toMatchObject({ id: lies.staffId, locale: 'fr' });
    expect((await marc.must('session.get', {})).staff).toMatchObject({ id: marc.staffId, locale: 'en' });
    const people = await admin.must('staff.list', {});
    expect(people.find((p) => p.id === marc.staffId)?.locale).toBe('en');
    expect(people.find((p) => p.id === lies.staffId)?.locale).toBe('fr');

    const log = (await admin.must('audit.list', { action: 'staff.setOwnLocale' })) as AuditPageView;
    expect(log.entries[0]).toMatchObject({
      outcome: 'ok',
      subject: lies.staffId,
      staff: { id: lies.staffId },
      detail: { from: 'en', to: 'fr' },
    });
  });

  it("cannot be used by a cashier to change someone else's language", async () => {
    const ann = await cashierOn('Ann', bar);
    const bert = await cashierOn('Bert', till);
    const named = await ann.call('session.setMyLocale', { locale: 'nl', staffId: bert.staffId });
    expect(named).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const update = await ann.call('staff.update', { staffId: bert.staffId, locale: 'nl' });
    expect(update).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await bert.must('session.get', {})).staff?.locale).toBe('en');
  });

  it('is refused to a customer display, which has no person', async () => {
    const result = await kassa.station.dispatch(
      'session.setMyLocale',
      { locale: 'nl' },
      await display.caller(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe("a device's payment sound", () => {
  it('is on until chosen, kept per device, and kept across a station restart', async () => {
    const tillCashier = await cashierOn('Tom', till);
    const barCashier = await cashierOn('Bo', bar);
    expect(await tillCashier.must('devices.getSound', {})).toEqual({
      deviceId: till.device.id,
      soundOn: true,
    });
    await tillCashier.must('devices.setSound', { soundOn: false });

    await kassa.restart();
    // The same browsers with the same cookies, calling the restarted station.
    const sound = async (person: SignedIn, on: LinkedDevice) => {
      const caller = await kassa.station.access.callerFor({
        ...on.credentials,
        sessionToken: person.token(),
      });
      const result = await kassa.station.dispatch('devices.getSound', {}, caller);
      if (!result.ok) throw new Error(`devices.getSound failed: ${result.error.code}`);
      return result.value as DeviceSoundView;
    };
    expect(await sound(tillCashier, till)).toEqual({ deviceId: till.device.id, soundOn: false });
    expect(await sound(barCashier, bar)).toEqual({ deviceId: bar.device.id, soundOn: true });
    // Another person at the same till hears what the till chose: the sound is the device's.
    const by = await kassa.station.access.callerFor({ channel: 'local-http', sessionToken: admin.token() });
    const other = await signInAs(kassa.station, 'cashier', { name: 'Noor', by, on: till.credentials });
    expect(await sound(other, till)).toEqual({ deviceId: till.device.id, soundOn: false });
    const window = await kassa.station.dispatch('devices.getSound', {}, by);
    expect(window).toEqual({ ok: true, value: { deviceId: 'station', soundOn: true } });
    const log = await kassa.station.dispatch('audit.list', { action: 'devices.setSound' }, by);
    expect(log.ok && (log.value as AuditPageView).entries).toMatchObject([
      { outcome: 'ok', subject: till.device.id, staff: { id: tillCashier.staffId }, detail: { to: 'off' } },
    ]);
  });
});
