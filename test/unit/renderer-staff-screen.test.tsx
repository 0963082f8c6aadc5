// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTransportForTests } from '../../renderer/src/api/client';
import { FakeStation, Screen, person } from './renderer-staff-fake-station';

let station: FakeStation;
const screen = new Screen();

beforeEach(() => {
  station = new FakeStation([
    person('root', 'Root', 'administrator', 'Admin#2025x', { lastSignInAt: Date.now() }),
    person('ann', 'Ann', 'cashier', '1234', { locale: 'nl', status: 'pending' }),
    person('mia', 'Mia', 'manager', 'Counter#2025', { locale: 'fr' }),
  ]);
  station.signedIn = 'root';
  screen.station = station;
  setTransportForTests(station);
});

afterEach(() => {
  screen.unmount();
  setTransportForTests(null);
});

const row = (name: string) =>
  [...screen.container.querySelectorAll('.staff-table tbody tr')].find(
    (tr) => tr.querySelector('th')?.textContent === name,
  );
const cells = (name: string) => [...(row(name)?.querySelectorAll('th, td') ?? [])].map((c) => c.textContent);
const rowButton = (name: string, label: string) =>
  [...(row(name)?.querySelectorAll('button') ?? [])].find((b) => b.textContent === label);

describe('the Staff screen', () => {
  it('lists each person with role, language, status, lock and last sign-in', async () => {
    station.people[2]!.lockedUntil = Date.now() + 60_000;
    await screen.render('#/staff');
    expect(screen.container.querySelector('h1')?.textContent).toBe('Staff');
    expect(cells('Ann').slice(0, 6)).toEqual(['Ann', 'Cashier', 'NL', 'Not signed in yet', '', 'Never']);
    expect(cells('Mia')[4]).toMatch(/^\d{1,2}:\d{2}$/);
    expect(rowButton('Mia', 'Unlock')).toBeTruthy();
    expect(rowButton('Ann', 'Unlock')).toBeUndefined();
    expect(cells('Root')[5]).not.toBe('Never');
  });

  it('shows the training administrator as such, with nothing to change', async () => {
    station.people.push(
      person('training-administrator', 'Training administrator', 'administrator', 'x', { training: true }),
    );
    // The screens follow the signed-in administrator's own language.
    station.people[0]!.locale = 'nl';
    await screen.render('#/staff', 'nl');
    expect(cells('Oefenbeheerder')[1]).toBe('Beheerder');
    expect(row('Oefenbeheerder')?.querySelectorAll('button')).toHaveLength(0);
    expect(rowButton('Mia', 'Blokkeren')).toBeTruthy();
  });

  it('adds a cashier with a PIN only once the PIN fits the rule', async () => {
    await screen.render('#/staff');
    await screen.fill('#staff-new-name', 'Bob');
    await screen.fill('#staff-new-secret', '12a');
    expect(screen.container.querySelector<HTMLInputElement>('#staff-new-secret')?.value).toBe('12');
    expect(screen.text).toContain('A PIN is 4 to 6 digits.');
    expect(screen.button('Add')?.disabled).toBe(true);
    await screen.fill('#staff-new-secret', '4321');
    await screen.click('Add');
    expect(station.called('staff.create')[0]?.input).toEqual({
      name: 'Bob',
      locale: 'en',
      role: 'cashier',
      secret: '4321',
    });
    expect(screen.text).toContain('Bob was added.');
    expect(cells('Bob')[1]).toBe('Cashier');
  });

  it('asks a manager for a password and shows which parts of the rule are still missing', async () => {
    await screen.render('#/staff');
    await screen.fill('#staff-new-name', 'Eva');
    await screen.fill('#staff-new-role', 'manager');
    expect(screen.container.querySelector('label[for="staff-new-secret"]')?.textContent).toBe('Password');
    await screen.fill('#staff-new-secret', 'evaeva');
    const missing = () =>
      [...screen.container.querySelectorAll('#staff-new-secret-rule .rule-missing')].map((li) =>
        li.getAttribute('data-rule'),
      );
    expect(missing()).toEqual(['length', 'capital', 'digit', 'special']);
    expect(screen.button('Add')?.disabled).toBe(true);
    await screen.fill('#staff-new-secret', 'Evaeva2025!');
    expect(missing()).toEqual([]);
    await screen.click('Add');
    expect(station.called('staff.create')[0]?.input).toMatchObject({
      role: 'manager',
      secret: 'Evaeva2025!',
    });
  });

  it('blocks and reactivates', async () => {
    await screen.render('#/staff');
    await screen.tap(rowButton('Mia', 'Block'));
    expect(station.called('staff.block')[0]?.input).toEqual({ staffId: 'mia' });
    expect(cells('Mia')[3]).toBe('Blocked');
    await screen.tap(rowButton('Mia', 'Reactivate'));
    expect(cells('Mia')[3]).toBe('Active');
  });

  it('deletes only after the question, and Keep changes nothing', async () => {
    await screen.render('#/staff');
    await screen.tap(rowButton('Ann', 'Delete…'));
    const question = () => screen.container.querySelector('[role="alertdialog"]');
    expect(question()?.textContent).toContain('Delete Ann? They can no longer sign in.');
    await screen.click('Keep');
    expect(question()).toBeNull();
    expect(station.called('staff.delete')).toHaveLength(0);
    await screen.tap(rowButton('Ann', 'Delete…'));
    await screen.click('Delete');
    expect(station.called('staff.delete')[0]?.input).toEqual({ staffId: 'ann' });
    expect(row('Ann')).toBeUndefined();
  });

  it('shows the station’s refusal in the user’s language', async () => {
    station.overrides['staff.delete'] = () => ({
      ok: false,
      error: { code: 'LAST_ADMINISTRATOR', message: 'last' },
    });
    station.people[0]!.locale = 'fr';
    await screen.render('#/staff', 'fr');
    await screen.tap(rowButton('Root', 'Supprimer…'));
    await screen.click('Supprimer');
    expect(screen.alerts()).toEqual(['C’est le dernier administrateur : créez-en d’abord un autre.']);
    expect(row('Root')).toBeTruthy();
  });

  it('edits a person; a cashier made manager needs a password in the same step', async () => {
    await screen.render('#/staff');
    await screen.tap(rowButton('Ann', 'Edit'));
    expect(screen.text).toContain('Edit Ann');
    await screen.fill('#staff-edit-ann-name', 'Anna');
    await screen.fill('#staff-edit-ann-role', 'manager');
    expect(screen.button('Save')?.disabled).toBe(true);
    await screen.fill('#staff-edit-ann-secret', 'Anna#2025xy');
    await screen.click('Save');
    expect(station.called('staff.update')[0]?.input).toEqual({
      staffId: 'ann',
      name: 'Anna',
      locale: 'nl',
      role: 'manager',
      secret: 'Anna#2025xy',
    });
    expect(cells('Anna').slice(0, 2)).toEqual(['Anna', 'Manager']);
  });

  it('sets a new PIN for a cashier', async () => {
    await screen.render('#/staff');
    await screen.tap(rowButton('Ann', 'New PIN or password'));
    expect(screen.text).toContain('New PIN or password for Ann');
    await screen.fill('#staff-secret-ann', '55555');
    await screen.click('Save');
    expect(station.called('staff.setSecret')[0]?.input).toEqual({ staffId: 'ann', secret: '55555' });
    expect(screen.text).not.toContain('New PIN or password for Ann');
  });

  it('unlocks a locked person', async () => {
    station.people[2]!.lockedUntil = Date.now() + 60_000;
    await screen.render('#/staff');
    await screen.tap(rowButton('Mia', 'Unlock'));
    expect(station.called('staff.unlock')[0]?.input).toEqual({ staffId: 'mia' });
    expect(cells('Mia')[4]).toBe('');
  });

  it('sets the idle lock within the station’s bounds', async () => {
    await screen.render('#/staff');
    expect(screen.container.querySelector<HTMLInputElement>('#staff-idle-minutes')?.value).toBe('15');
    await screen.fill('#staff-idle-minutes', '0');
    const save = () =>
      screen.container.querySelector<HTMLButtonElement>('.staff-idle button[type="submit"]')!;
    expect(save().disabled).toBe(true);
    await screen.fill('#staff-idle-minutes', '241');
    expect(save().disabled).toBe(true);
    await screen.fill('#staff-idle-minutes', '5');
    await screen.tap(save());
    expect(station.called('staff.setIdleLock')[0]?.input).toEqual({ minutes: 5 });
    expect(screen.text).toContain('Saved.');
  });
});
