// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../shared/contract/device-views';
import { resetUnlinkedForTests } from '../../renderer/src/features/devices/device-unlinked';
import { pickRoute } from '../../renderer/src/routes';
import {
  alerts,
  byTestId,
  buttonNamed,
  cleanup,
  click,
  fakeStation,
  ok,
  renderApp,
  sessionOf,
  text,
  TRAINING,
  view,
  type Answer,
} from '../support/renderer-app';

const CODE = 'AbCdEfGhIjKlMnOpQrStUv';
const FINGERPRINT =
  '3A:9F:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:01:23:45:67:89:AB:CD:EF:10:32:54:76:98:BA';
const STATUS = { mode: 'training', environment: null, locale: 'en', version: '0.1.0', httpUrl: null };

const BAR: DeviceView = {
  id: 'd7',
  name: 'Bar 2',
  rights: 'employee',
  kind: 'bar',
  tillId: 'bar-2',
  lastSeenAt: null,
  lastAddress: '127.0.0.2',
  linkedAt: '2026-06-01T10:00:00.000Z',
  status: 'active',
  endedAt: null,
};

/** A device that is not linked yet: nobody is signed in, settings cannot be read. */
function unlinkedDevice(overrides: Record<string, Answer> = {}) {
  return fakeStation({
    'settings.get': () => ({ ok: false, error: { code: 'NOT_SIGNED_IN', message: 'no' } }),
    'station.getStatus': () => ok({ ...STATUS, tlsFingerprint: FINGERPRINT }),
    'session.get': () => ok(sessionOf(null, null)),
    'devices.pair': () => ok(BAR),
    ...overrides,
  });
}

beforeEach(() => resetUnlinkedForTests());
afterEach(() => cleanup());

describe('pairing page', () => {
  it('shows the fingerprint the station serves and how to trust it, then links on one tap', async () => {
    const s = unlinkedDevice();
    await renderApp(`/pair#${CODE}`);
    // No sign-in screen and no navigation: nobody can sign in on a device that is not linked yet.
    expect(view().querySelector('nav')).toBeNull();
    expect(view().querySelector('h1')?.textContent).toBe('Link this device to Kassa');
    expect(byTestId('served-fingerprint')?.textContent).toBe(FINGERPRINT);
    expect(text()).toContain('Compare it with the fingerprint on the station’s Linked devices screen.');
    expect([...view().querySelectorAll('.pair-trust li')]).toHaveLength(4);
    expect(s.called('devices.pair')).toEqual([]);

    await click('Link this device');
    expect(s.called('devices.pair')).toEqual([{ code: CODE }]);
    expect(byTestId('linked-as')?.textContent).toBe('Linked as Bar 2, Employee, till bar-2');
    // The code is spent: it leaves the address bar, so a reload does not offer it again.
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/pair');

    await click('Go to the till');
    expect(pickRoute(window.location)).toBe('till');
  });

  it('sends a customer display on to the display', async () => {
    unlinkedDevice({ 'devices.pair': () => ok({ ...BAR, name: 'Screen', kind: 'display' }) });
    await renderApp(`/pair#${CODE}`);
    await click('Link this device');
    await click('Show the customer display');
    expect(pickRoute(window.location)).toBe('customer');
  });

  it('says in the user’s language that a used or expired code does not work', async () => {
    unlinkedDevice({
      'devices.pair': () => ({ ok: false, error: { code: 'PAIRING_CODE_INVALID', message: 'used' } }),
    });
    await renderApp(`/pair#${CODE}`);
    await click('FR');
    await click('Lier cet appareil');
    expect(alerts()).toEqual([
      'Ce code de liaison a expiré ou a déjà été utilisé. Demandez-en un nouveau à la station.',
    ]);
    expect(byTestId('linked-as')).toBeNull();
  });

  it('has nothing to link without a code, and says when the station names no certificate', async () => {
    unlinkedDevice();
    await renderApp('/pair');
    expect(alerts()).toEqual(['This link has no code. Scan the QR code on the station again.']);
    expect(buttonNamed('Link this device')).toBeUndefined();
    cleanup();

    unlinkedDevice({ 'station.getStatus': () => ok(STATUS) });
    await renderApp(`/pair#${CODE}`);
    expect(byTestId('served-fingerprint')).toBeNull();
    expect(text()).toContain('The station did not say which certificate it serves.');
    expect(buttonNamed('Link this device')).toBeDefined();
  });
});

describe('unlinking', () => {
  const linkedTill = (overrides: Record<string, Answer> = {}) =>
    fakeStation({
      'settings.get': () => ok(TRAINING),
      'session.get': () =>
        ok(
          sessionOf('cashier', {
            id: 'd7',
            name: 'Till 2',
            kind: 'till',
            rights: 'employee',
            tillId: 'till-2',
          }),
        ),
      'till.getCurrentSale': () => ok(null),
      'till.listSales': () => ok([]),
      'devices.unlinkSelf': () => ok({ ...BAR, status: 'unlinked' }),
      ...overrides,
    });

  it('a linked device unlinks itself from its header after a confirmation, and then says so', async () => {
    const s = linkedTill();
    await renderApp('/#/');
    await click('Unlink this device');
    expect(view().querySelector('[role="alertdialog"]')?.textContent).toContain('Unlink this device?');
    await click('Cancel');
    expect(s.called('devices.unlinkSelf')).toEqual([]);

    await click('Unlink this device');
    await click('Unlink');
    expect(s.called('devices.unlinkSelf')).toEqual([{}]);
    expect(byTestId('device-unlinked')?.textContent).toContain(
      'This device is no longer linked to the station.',
    );
    expect(view().querySelector('nav')).toBeNull();
  });

  it('a device revoked at the station shows it is unlinked at its next call', async () => {
    linkedTill({
      'till.listSales': () => ({ ok: false, error: { code: 'DEVICE_REVOKED', message: 'revoked' } }),
    });
    await renderApp('/#/');
    expect(byTestId('device-unlinked')).not.toBeNull();
    expect(text()).toContain('To use it again, ask for a new link code at the station and open it here.');
  });

  it('the station’s own window has no unlink button', async () => {
    fakeStation({
      'settings.get': () => ok(TRAINING),
      'session.get': () => ok(sessionOf('administrator')),
      'till.getCurrentSale': () => ok(null),
      'till.listSales': () => ok([]),
    });
    await renderApp('/#/');
    expect(view().querySelector('nav')).not.toBeNull();
    expect(buttonNamed('Unlink this device')).toBeUndefined();
  });
});
