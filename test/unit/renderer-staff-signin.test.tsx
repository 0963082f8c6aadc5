// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setTransportForTests } from '../../renderer/src/api/client';
import { FakeStation, Screen, person } from './renderer-staff-fake-station';

let station: FakeStation;
const screen = new Screen();

const ANN = person('ann', 'Ann', 'cashier', '1234');
const BOB = person('bob', 'Bob', 'cashier', '98765');
const MIA = person('mia', 'Mia', 'manager', 'Counter#2025');

beforeEach(() => {
  station = new FakeStation([{ ...ANN }, { ...BOB }, { ...MIA }]);
  screen.station = station;
  setTransportForTests(station);
});

afterEach(() => {
  screen.unmount();
  setTransportForTests(null);
  vi.useRealTimers();
});

const signedInAs = () =>
  screen.container.querySelector('[data-testid="signed-in-person"]')?.textContent ?? null;

describe('the sign-in gate', () => {
  it('shows only the people tiles while nobody is signed in, and the till after a cashier types her PIN', async () => {
    await screen.render();
    expect(screen.container.querySelector('h1')?.textContent).toBe('Who is working?');
    expect(screen.button('Pay with Bancontact')).toBeUndefined();
    expect(screen.navLinks()).toEqual([]);
    await screen.tap(screen.tile('Ann'));
    expect(screen.text).toContain('PIN for Ann');
    expect(screen.button('Sign in')?.disabled).toBe(true);
    await screen.typePin('1234');
    await screen.click('Sign in');
    expect(station.called('session.signIn').map((c) => c.input)).toEqual([
      { staffId: 'ann', secret: '1234' },
    ]);
    expect(screen.button('Pay with Bancontact')).toBeTruthy();
    expect(signedInAs()).toBe('Ann Cashier');
  });

  it('says a wrong PIN and the tries left in the person’s language, and clears the PIN', async () => {
    await screen.render('#/', 'nl');
    await screen.tap(screen.tile('Ann'));
    await screen.typePin('1111');
    await screen.click('Aanmelden');
    expect(screen.alerts()).toEqual(['Verkeerde pincode of verkeerd wachtwoord.']);
    expect(screen.text).toContain('Pogingen over voor een vergrendeling: 4');
    expect(screen.container.querySelector<HTMLInputElement>('.secret-input')?.value).toBe('');
    expect(station.signedIn).toBeNull();
  });

  it('shows a locked person locked, with the time and what is left counting down, and lets nobody tap in', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    // 14:27 and 14:32 in Brussels (UTC+1 in December), the time the screen shows whatever the machine's zone.
    vi.setSystemTime(new Date(Date.UTC(2026, 11, 3, 13, 27, 0)));
    station.people[0]!.lockedUntil = Date.UTC(2026, 11, 3, 13, 32, 0);
    await screen.render();
    const tile = screen.tile('Ann')!;
    expect(tile.disabled).toBe(true);
    expect(tile.textContent).toContain('Locked until 14:32');
    expect(tile.textContent).toContain('5:00 to go');
    await act(async () => vi.advanceTimersByTime(61_000));
    expect(screen.tile('Ann')!.textContent).toContain('3:59 to go');
    expect(screen.tile('Bob')!.disabled).toBe(false);
  });

  it('locks on the fifth wrong try and says until when', async () => {
    await screen.render();
    station.people[0]!.attemptsLeft = 1;
    await screen.tap(screen.tile('Ann'));
    await screen.typePin('0000');
    await screen.click('Sign in');
    expect(screen.alerts()[0]).toContain('Too many wrong tries');
    expect(screen.text).toMatch(/Locked until \d{1,2}:\d{2}\. Wait, or ask an administrator to unlock\./);
    await screen.click('Back');
    expect(screen.tile('Ann')!.disabled).toBe(true);
  });

  it('asks everyone but a cashier for a password, without the PIN keys', async () => {
    await screen.render();
    await screen.tap(screen.tile('Mia'));
    expect(screen.text).toContain('Password for Mia');
    expect(screen.container.querySelector('.pin-pad')).toBeNull();
    await screen.fill('.secret-input', 'Counter#2025');
    await screen.click('Sign in');
    expect(signedInAs()).toBe('Mia Manager');
  });

  it('brings the gate back when any call answers NOT_SIGNED_IN (the session ended elsewhere)', async () => {
    station.people.push({ ...person('lies', 'Lies', 'administrator', 'Beheer#2026x') });
    station.signedIn = 'lies';
    await screen.render();
    expect(screen.button('Pay with Bancontact')).toBeTruthy();
    station.signedIn = null;
    // Her language button stores her own language: that call is refused now, and the gate comes back
    // in the station's language.
    await screen.click('NL');
    expect(station.called('session.setMyLocale')).toHaveLength(1);
    expect(screen.container.querySelector('h1')?.textContent).toBe('Who is working?');
    expect(screen.button('Pay with Bancontact')).toBeUndefined();
  });

  it("keeps a cashier's language as her own, never as the station's (an administrator's setting)", async () => {
    station.signedIn = 'ann';
    await screen.render();
    await screen.click('NL');
    expect(screen.button('Betalen met Bancontact')).toBeTruthy();
    expect(station.called('session.setMyLocale').map((c) => c.input)).toEqual([{ locale: 'nl' }]);
    expect(station.called('settings.setLocale')).toHaveLength(0);
  });

  it('never asks the customer display to sign in', async () => {
    station.display = true;
    await screen.render('#/customer');
    expect(screen.container.querySelector('.person-tile')).toBeNull();
    expect(screen.text).not.toContain('Who is working?');
  });
});

describe('the first administrator', () => {
  beforeEach(() => {
    station.people = [];
    station.needsFirstAdministrator = true;
  });

  it('is the only thing a live station without one offers, with the password rule ticked off as typed', async () => {
    await screen.render();
    expect(screen.container.querySelector('h1')?.textContent).toBe('Create the first administrator');
    expect(screen.navLinks()).toEqual([]);
    const create = () => screen.button('Create and sign in')!;
    await screen.fill('#first-admin-name', 'Lies');
    await screen.fill('#first-admin-locale', 'nl');
    await screen.fill('#first-admin-password', 'short');
    const missing = () =>
      [...screen.container.querySelectorAll('.rule-missing')].map((li) => li.getAttribute('data-rule'));
    expect(missing()).toEqual(['length', 'capital', 'digit', 'special']);
    await screen.fill('#first-admin-password', 'Shortbread1');
    expect(missing()).toEqual(['special']);
    expect(create().disabled).toBe(true);
    await screen.fill('#first-admin-password', 'Shortbread1!');
    await screen.fill('#first-admin-repeat', 'Shortbread1?');
    expect(screen.text).toContain('The two passwords are not the same.');
    expect(create().disabled).toBe(true);
    await screen.fill('#first-admin-repeat', 'Shortbread1!');
    await screen.click('Create and sign in');
    expect(station.called('session.createFirstAdministrator')[0]?.input).toEqual({
      name: 'Lies',
      locale: 'nl',
      password: 'Shortbread1!',
    });
    // Signed in, in her own language.
    expect(screen.button('Betalen met Bancontact')).toBeTruthy();
    expect(signedInAs()).toBe('Lies Beheerder');
  });

  it('shows the station’s refusal in the user’s language', async () => {
    station.overrides['session.createFirstAdministrator'] = () => ({
      ok: false,
      error: { code: 'WEAK_PASSWORD', message: 'weak' },
    });
    await screen.render('#/', 'fr');
    await screen.fill('#first-admin-name', 'Luc');
    await screen.fill('#first-admin-password', 'Shortbread1!');
    await screen.fill('#first-admin-repeat', 'Shortbread1!');
    await screen.click('Créer et se connecter');
    expect(screen.alerts()[0]).toContain('Le mot de passe');
  });
});

describe('the header chip', () => {
  it('switches cashier in two taps and a PIN', async () => {
    station.signedIn = 'ann';
    await screen.render();
    expect(signedInAs()).toBe('Ann Cashier');
    await screen.click('Switch');
    const dialog = () => screen.container.querySelector('[role="dialog"]');
    expect(dialog()?.textContent).toContain('Switch person');
    // Ann is already here: only the others are offered.
    expect(screen.tile('Ann')).toBeUndefined();
    await screen.tap(screen.tile('Bob'));
    await screen.typePin('98765');
    await screen.click('Sign in');
    expect(dialog()).toBeNull();
    expect(signedInAs()).toBe('Bob Cashier');
  });

  it('signs out and shows the gate', async () => {
    station.signedIn = 'ann';
    await screen.render();
    await screen.click('Sign out');
    expect(station.called('session.signOut')).toHaveLength(1);
    expect(screen.container.querySelector('h1')?.textContent).toBe('Who is working?');
  });

  it('names the training administrator as such, in the chosen language', async () => {
    station.people.push(
      person('training-administrator', 'Training administrator', 'administrator', 'x', { training: true }),
    );
    station.signedIn = 'training-administrator';
    await screen.render('#/', 'fr');
    expect(signedInAs()).toBe('Administrateur d’exercice Administrateur');
    // It is this window's own person in training: nothing to sign out of, but a cashier can switch in.
    expect(screen.button('Se déconnecter')).toBeUndefined();
    expect(screen.button('Changer')).toBeTruthy();
  });

  it('hides the screens a cashier cannot open, and shows an administrator all of them', async () => {
    station.signedIn = 'ann';
    await screen.render();
    // Settings shows a cashier this device's payment sound, and nothing else.
    expect(screen.navLinks()).toEqual(['Till', 'Customer display', 'Settings']);
    screen.unmount();
    station.people.push(person('root', 'Root', 'administrator', 'x'));
    station.signedIn = 'root';
    await screen.render();
    expect(screen.navLinks()).toEqual(
      expect.arrayContaining(['Till', 'Top-up', 'Closing', 'Settings', 'Staff']),
    );
  });

  it('takes a cashier who switches in on the Staff screen to the till', async () => {
    station.people.push(person('root', 'Root', 'administrator', 'x'));
    station.signedIn = 'root';
    await screen.render('#/staff');
    expect(screen.container.querySelector('h1')?.textContent).toBe('Staff');
    await screen.click('Switch');
    await screen.tap(screen.tile('Ann'));
    await screen.typePin('1234');
    await screen.click('Sign in');
    await screen.flush();
    expect(window.location.hash).toBe('#/');
    expect(screen.button('Pay with Bancontact')).toBeTruthy();
  });
});

describe('the idle lock', () => {
  it('signs the person out after the administrator’s idle time without input, and not before', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    station.idleLockMinutes = 2;
    station.signedIn = 'ann';
    await screen.render();
    await act(async () => vi.advanceTimersByTime(90_000));
    // A tap at 1:30 starts the two minutes again.
    await act(async () => window.dispatchEvent(new Event('pointerdown')));
    await act(async () => vi.advanceTimersByTime(60_000));
    await screen.flush();
    expect(station.called('session.signOut')).toHaveLength(0);
    await act(async () => vi.advanceTimersByTime(65_000));
    await screen.flush();
    expect(station.called('session.signOut')).toHaveLength(1);
    expect(screen.container.querySelector('h1')?.textContent).toBe('Who is working?');
  });

  it('never locks the training administrator of a fresh install', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    station.idleLockMinutes = 1;
    station.people.push(
      person('training-administrator', 'Training administrator', 'administrator', 'x', { training: true }),
    );
    station.signedIn = 'training-administrator';
    await screen.render();
    await act(async () => vi.advanceTimersByTime(10 * 60_000));
    await screen.flush();
    expect(station.called('session.signOut')).toHaveLength(0);
    expect(screen.button('Pay with Bancontact')).toBeTruthy();
  });

  it('never locks the customer display', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    station.idleLockMinutes = 1;
    station.signedIn = 'ann';
    await screen.render('#/customer');
    await act(async () => vi.advanceTimersByTime(10 * 60_000));
    await screen.flush();
    expect(station.called('session.signOut')).toHaveLength(0);
  });
});
