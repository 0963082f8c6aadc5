// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceNetworkView, DeviceView, PairingView } from '../../shared/contract/device-views';
import { listenerUrl, networkInput, networkProblem } from '../../renderer/src/features/devices/network-form';
import {
  alerts,
  byTestId,
  buttonNamed,
  choose,
  cleanup,
  click,
  fakeStation,
  fill,
  flush,
  ok,
  renderApp,
  rows,
  sessionOf,
  text,
  TRAINING,
  view,
  type Answer,
} from '../support/renderer-app';

const NOW = Date.parse('2026-06-01T10:00:00.000Z');

function device(part: Partial<DeviceView> & Pick<DeviceView, 'id' | 'name'>): DeviceView {
  return {
    rights: 'employee',
    kind: 'till',
    tillId: 'till-2',
    lastSeenAt: null,
    lastAddress: null,
    linkedAt: '2026-05-01T09:00:00.000Z',
    status: 'active',
    endedAt: null,
    ...part,
  };
}

const DEVICES: DeviceView[] = [
  device({ id: 'd0', name: 'Station', kind: 'station', rights: 'manager', tillId: null }),
  device({
    id: 'd1',
    name: 'Bar 2',
    kind: 'bar',
    tillId: 'bar-2',
    lastSeenAt: '2026-05-31T18:30:00.000Z',
    lastAddress: '127.0.0.2',
  }),
  device({
    id: 'd2',
    name: 'Old tablet',
    rights: 'manager',
    status: 'unlinked',
    endedAt: '2026-05-20T12:00:00.000Z',
  }),
];

const PAIRING: PairingView = {
  code: 'AbCdEfGhIjKlMnOpQrStUv',
  link: 'https://127.0.0.2:4781/pair#AbCdEfGhIjKlMnOpQrStUv',
  expiresAt: new Date(NOW + 5 * 60_000).toISOString(),
  tillId: 'bar-3',
  fingerprint: 'AB:CD:EF:01:23',
  qrSvg: '<svg/>',
};

const NETWORK_OFF: DeviceNetworkView = {
  enabled: false,
  address: null,
  port: 4781,
  fingerprint: null,
  candidateAddresses: ['127.0.0.2', '192.168.1.20'],
};

function station(role: 'administrator' | 'manager', overrides: Record<string, Answer> = {}) {
  let list = DEVICES;
  return fakeStation({
    'settings.get': () => ok(TRAINING),
    'session.get': () => ok(sessionOf(role)),
    'devices.list': () => ok(list),
    'devices.createPairing': () => ok(PAIRING),
    'devices.revoke': ({ deviceId }) => {
      list = list.map((d) =>
        d.id === deviceId ? { ...d, status: 'revoked', endedAt: '2026-06-01T10:00:00.000Z' } : d,
      );
      return ok(list.find((d) => d.id === deviceId));
    },
    'devices.getNetwork': () =>
      role === 'administrator' ? ok(NETWORK_OFF) : { ok: false, error: { code: 'FORBIDDEN', message: 'no' } },
    'devices.setNetwork': (input) => ok({ ...NETWORK_OFF, ...input, fingerprint: 'AB:CD:EF:01:23' }),
    ...overrides,
  });
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('linked devices list', () => {
  it('shows each device with rights, kind, till, last seen, address and whether it still has access', async () => {
    station('manager');
    await renderApp('/#/devices');
    expect(view().querySelector('h1')?.textContent).toBe('Linked devices');
    const shown = rows('.device-table');
    expect(shown[0]).toBe('Station | Manager | This station | — | Never | — | Linked |');
    expect(shown[1]).toMatch(/^Bar 2 \| Employee \| Bar \| bar-2 \| .+ \| 127\.0\.0\.2 \| Linked \| Revoke$/);
    expect(shown[2]).toMatch(
      /^Old tablet \| Manager \| Till \| till-2 \| Never \| — \| Unlinked on the device.+\|$/,
    );
    // Neither the station's own window nor a device whose access already ended can be revoked.
    expect(buttonNamed('Revoke Station')).toBeUndefined();
    expect(buttonNamed('Revoke Old tablet')).toBeUndefined();
    // A manager does not see the network settings, which only administrators change.
    expect(text()).not.toContain('Local network');
  });

  it('revokes only after a confirmation on the screen, then shows the device without access', async () => {
    const s = station('manager');
    await renderApp('/#/devices');
    await click('Revoke Bar 2');
    expect(view().querySelector('[role="alertdialog"]')?.textContent).toContain('Revoke “Bar 2”?');
    await click('Keep it');
    expect(s.called('devices.revoke')).toEqual([]);
    expect(view().querySelector('[role="alertdialog"]')).toBeNull();

    await click('Revoke Bar 2');
    await click('Revoke it');
    expect(s.called('devices.revoke')).toEqual([{ deviceId: 'd1' }]);
    expect(view().querySelector('.ok')?.textContent).toBe('“Bar 2” no longer has access.');
    expect(rows('.device-table')[1]).toMatch(/^Bar 2 .*\| Revoked/);
    expect(buttonNamed('Revoke Bar 2')).toBeUndefined();
  });

  it('speaks Dutch and French too', async () => {
    station('manager', { 'settings.get': () => ok({ ...TRAINING, locale: 'nl' }) });
    await renderApp('/#/devices');
    expect(view().querySelector('h1')?.textContent).toBe('Gekoppelde toestellen');
    expect(rows('.device-table')[1]).toContain('Medewerker');
    cleanup();
    station('manager', { 'settings.get': () => ok({ ...TRAINING, locale: 'fr' }) });
    await renderApp('/#/devices');
    expect(view().querySelector('h1')?.textContent).toBe('Appareils liés');
    expect(rows('.device-table')[2]).toContain('Délié sur l’appareil');
  });
});

describe('linking a device', () => {
  it('checks the form before asking, then shows the QR, link, fingerprint and a countdown to expiry', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(NOW);
    const s = station('manager');
    await renderApp('/#/devices');
    await click('Show the link code');
    expect(alerts()).toEqual(['Give the device a name.']);
    await fill('#device-name', 'Bar 3');
    await choose('Customer display');
    await click('Show the link code');
    expect(alerts()).toEqual(['A customer display shows one till: type which one, such as till-1.']);
    expect(s.called('devices.createPairing')).toEqual([]);

    await choose('Bar');
    await choose('Manager');
    await click('Show the link code');
    // No till typed: the station gives the bar a till of its own.
    expect(s.called('devices.createPairing')).toEqual([{ name: 'Bar 3', rights: 'manager', kind: 'bar' }]);
    const qr = view().querySelector('[data-testid="pairing-ticket"] svg.qr');
    expect(qr?.getAttribute('data-deeplink')).toBe(PAIRING.link);
    expect(qr?.getAttribute('aria-label')).toBe('QR code of the link');
    expect(byTestId('pairing-link')?.textContent).toBe(PAIRING.link);
    expect(byTestId('pairing-fingerprint')?.textContent).toBe('AB:CD:EF:01:23');
    expect(byTestId('pairing-countdown')?.textContent).toBe('Works once, for 5:00 more.');

    await act(async () => vi.advanceTimersByTime(61_000));
    expect(byTestId('pairing-countdown')?.textContent).toBe('Works once, for 3:59 more.');
    await act(async () => vi.advanceTimersByTime(4 * 60_000));
    expect(alerts()).toEqual(['This code has expired. Make a new one.']);
    expect(view().querySelector('svg.qr')).toBeNull();
  });

  it('names the till of a customer display, and reads the list again when the person is done', async () => {
    const s = station('manager');
    await renderApp('/#/devices');
    const offered = () =>
      [...view().querySelectorAll('#known-tills option')].map((o) => o.getAttribute('value'));
    // A till or bar gets a till of its own; only a display is offered the tills that exist.
    expect(offered()).toEqual([]);
    await fill('#device-name', 'Screen at bar 2');
    await choose('Customer display');
    expect(offered()).toEqual(['bar-2', 'till-1']);
    await fill('#device-till', 'bar-2');
    await click('Show the link code');
    expect(s.called('devices.createPairing')).toEqual([
      { name: 'Screen at bar 2', rights: 'employee', kind: 'display', tillId: 'bar-2' },
    ]);
    const before = s.called('devices.list').length;
    await click('Done');
    expect(s.called('devices.list').length).toBe(before + 1);
    expect(view().querySelector('#device-name')).not.toBeNull();
  });

  it('says why the station refused to make a code', async () => {
    station('manager', {
      'devices.createPairing': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'no' } }),
    });
    await renderApp('/#/devices');
    await fill('#device-name', 'Till 4');
    await click('Show the link code');
    expect(alerts()).toEqual(['You are not allowed to do this on this device.']);
  });
});

describe('local network (administrators)', () => {
  it('is off until turned on with an address, then says where devices connect and the fingerprint', async () => {
    const s = station('administrator');
    await renderApp('/#/devices');
    expect(byTestId('network-off')?.textContent).toContain('The local network is off');
    expect(text()).toContain('Off: devices cannot connect.');
    expect((view().querySelector('#network-address') as HTMLInputElement).value).toBe('127.0.0.2');

    await choose('Let devices on the local network connect');
    await fill('#network-address', 'kassa.local');
    await click('Save');
    expect(alerts()).toEqual(['Type an IP address, such as 192.168.1.20.']);
    await fill('#network-address', '127.0.0.2');
    await fill('#network-port', '80');
    await click('Save');
    expect(alerts()).toEqual(['Type a port from 1024 to 65535.']);
    expect(s.called('devices.setNetwork')).toEqual([]);

    await fill('#network-port', '4781');
    await click('Save');
    expect(s.called('devices.setNetwork')).toEqual([{ enabled: true, address: '127.0.0.2', port: 4781 }]);
    await flush();
    const state = byTestId('network-state')?.textContent;
    expect(state).toContain('https://127.0.0.2:4781');
    expect(state).toContain('AB:CD:EF:01:23');
    expect(byTestId('network-off')).toBeNull();
  });
});

describe('network form rules', () => {
  it('writes an IPv6 listener address in brackets and checks addresses before asking the station', () => {
    const network = { ...NETWORK_OFF, enabled: true, address: 'fd00::20', fingerprint: null };
    expect(listenerUrl(network)).toBe('https://[fd00::20]:4781');
    expect(listenerUrl({ ...network, address: null })).toBeNull();
    const draft = { enabled: true, address: 'fd00::20', port: '4781' };
    expect(networkProblem(draft)).toBeNull();
    expect(networkProblem({ ...draft, address: '192.168.1.300' })).toBe('addressInvalid');
    expect(networkProblem({ ...draft, address: '' })).toBe('addressInvalid');
    // Turning the network off needs no address.
    expect(networkProblem({ ...draft, enabled: false, address: '' })).toBeNull();
    expect(networkProblem({ ...draft, port: '4781.5' })).toBe('portInvalid');
    expect(networkInput({ ...draft, enabled: false, address: ' ' })).toEqual({
      enabled: false,
      address: null,
      port: 4781,
    });
  });
});
