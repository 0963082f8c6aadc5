// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTransportForTests } from '../../renderer/src/api/client';
import { FakeStation, Screen, person } from './renderer-staff-fake-station';

/*
 * Each person's own language (issue 14): the screens switch to it at sign-in, keep a change made in the
 * header as the person's, and go back to the station's language at sign-out. The station here is the
 * staff tests' fake (the station's own handling is test/integration/person-language.test.ts).
 */

let station: FakeStation;
const screen = new Screen();

beforeEach(() => {
  station = new FakeStation([
    person('lies', 'Lies', 'cashier', '1234', { locale: 'fr' }),
    person('bob', 'Bob', 'cashier', '98765', { locale: 'en' }),
  ]);
  screen.station = station;
  setTransportForTests(station);
});

afterEach(() => {
  screen.unmount();
  setTransportForTests(null);
});

const heading = () => screen.container.querySelector('h1')?.textContent;

async function signIn(name: string, pin: string) {
  await screen.tap(screen.tile(name));
  await screen.typePin(pin);
  await screen.click(screen.button('Sign in') ? 'Sign in' : 'Se connecter');
}

describe("a person's own language", () => {
  it("switches the till to the person's language at sign-in, and back to the station's at sign-out", async () => {
    await screen.render('#/', 'en');
    expect(heading()).toBe('Who is working?');
    await signIn('Lies', '1234');
    expect(screen.button('Payer avec Bancontact')).toBeTruthy();
    await screen.click('Se déconnecter');
    expect(heading()).toBe('Who is working?');
  });

  it('keeps a change made in the header as the person’s own, for their next sign-in', async () => {
    await screen.render('#/', 'en');
    await signIn('Bob', '98765');
    expect(screen.button('Pay with Bancontact')).toBeTruthy();
    await screen.click('NL');
    expect(screen.button('Betalen met Bancontact')).toBeTruthy();
    expect(station.called('session.setMyLocale').map((c) => c.input)).toEqual([{ locale: 'nl' }]);
    expect(station.called('settings.setLocale')).toHaveLength(0);
    await screen.click('Afmelden');
    expect(heading()).toBe('Who is working?');
    await signIn('Bob', '98765');
    expect(screen.button('Betalen met Bancontact')).toBeTruthy();
  });

  it("shows a cashier only this device's sound in Settings, and keeps her choice at the station", async () => {
    station.signedIn = 'bob';
    await screen.render('#/settings', 'en');
    expect([...screen.container.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['This device']);
    const box = screen.container.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(box.checked).toBe(true);
    await screen.tap(box);
    expect(station.called('devices.setSound').map((c) => c.input)).toEqual([{ soundOn: false }]);
    expect(station.soundOn).toBe(false);
  });

  it('does not follow a person on the customer display', async () => {
    station.signedIn = 'lies';
    await screen.render('#/customer', 'en');
    expect(screen.text).toContain('Welcome');
  });
});
