import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import type { DeviceNetworkView, DeviceView, PairingView } from '../../shared/contract/device-views';
import type { Role } from '../../shared/domain/roles';
import type { AuditEntryInput } from '../../electron/core/audit/audit-entry';
import {
  createDispatcher,
  type Caller,
  type CallerDevice,
  type Handlers,
} from '../../electron/core/api/dispatcher';
import { openStationDatabase, type StationDb } from '../../electron/core/db/open-station-database';
import { createDeviceHandlers } from '../../electron/core/devices/device-handlers';
import { createDeviceRegistry } from '../../electron/core/devices/device-registry';
import { silentLogger } from '../../electron/core/logging/logger';
import { STATION_MIGRATIONS, tempDir } from '../support/temp';

const STATION: CallerDevice = {
  id: 'station',
  name: 'Station',
  kind: 'station',
  rights: 'manager',
  tillId: null,
};

function personOn(device: CallerDevice, role: Role): Caller {
  return {
    channel: device.kind === 'station' ? 'desktop' : 'device-https',
    rights: { session: 'staff', role, deviceRights: device.rights, deviceKind: device.kind },
    staff: { id: `staff-${role}`, name: role, role },
    device,
    sessionId: 's1',
  };
}

/** A browser that opened the pairing link: no session, no device yet; the shell's cookie jar as sinks. */
function browser(jar: Map<string, string>): Caller {
  const sink = (name: string) => ({ set: (v: string) => jar.set(name, v), clear: () => jar.delete(name) });
  return {
    channel: 'device-https',
    rights: { session: 'none' },
    staff: null,
    device: null,
    sessionId: null,
    address: '192.168.1.31',
    session: sink('session'),
    deviceCredential: sink('device'),
  };
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function errorCode(result: Result<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}

/** The device methods through the real dispatcher (permissions, validation) on a real station.sqlite. */
describe('the device contract', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  function setUp() {
    const folder = tempDir();
    const db: StationDb = openStationDatabase(join(folder.dir, 'station.sqlite'), STATION_MIGRATIONS);
    cleanups.push(async () => {
      await db.close();
      folder.remove();
    });
    const entries: AuditEntryInput[] = [];
    const audit = { record: (entry: AuditEntryInput) => void entries.push(entry) };
    const registry = createDeviceRegistry({ db, now: Date.now, audit });
    const changed: unknown[] = [];
    const handlers = createDeviceHandlers({
      registry,
      db,
      audit,
      dataFolder: folder.dir,
      hostName: 'kassa-pc',
      onNetworkChanged: (network) => void changed.push(network),
    });
    const dispatch = createDispatcher(handlers as Handlers, silentLogger);
    return { dispatch, registry, entries, changed };
  }

  it('links a device from the station to its cookie, once, and lets it unlink itself', async () => {
    const { dispatch, registry, changed } = setUp();
    const admin = personOn(STATION, 'administrator');
    const pairingInput = { name: 'Bar tablet', rights: 'employee', kind: 'bar' };
    expect(errorCode(await dispatch('devices.createPairing', pairingInput, admin))).toBe('CONFLICT');

    const network = value<DeviceNetworkView>(
      await dispatch('devices.setNetwork', { enabled: true, address: '127.0.0.2', port: 8443 }, admin),
    );
    expect(network).toMatchObject({ enabled: true, address: '127.0.0.2', port: 8443 });
    expect(network.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(changed).toEqual([{ enabled: true, address: '127.0.0.2', port: 8443 }]);
    expect(value<DeviceNetworkView>(await dispatch('devices.getNetwork', {}, admin)).fingerprint).toBe(
      network.fingerprint,
    );

    const pairing = value<PairingView>(
      await dispatch('devices.createPairing', pairingInput, personOn(STATION, 'manager')),
    );
    expect(pairing.link).toBe(`https://127.0.0.2:8443/pair#${pairing.code}`);
    expect(pairing).toMatchObject({ tillId: 'till-2', fingerprint: network.fingerprint });
    expect(pairing.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const jar = new Map<string, string>();
    const linked = value<DeviceView>(await dispatch('devices.pair', { code: pairing.code }, browser(jar)));
    expect(linked).toMatchObject({
      name: 'Bar tablet',
      kind: 'bar',
      rights: 'employee',
      tillId: 'till-2',
      status: 'active',
    });
    const credential = jar.get('device') ?? '';
    expect(JSON.stringify(linked)).not.toContain(credential);
    const device = await registry.authenticate(credential, '192.168.1.31');
    expect(device).toMatchObject({ id: linked.id, tillId: 'till-2' });
    expect(errorCode(await dispatch('devices.pair', { code: pairing.code }, browser(new Map())))).toBe(
      'PAIRING_CODE_INVALID',
    );

    // The same browser linked again (a new code): its earlier link ends, it holds only the new one.
    const again = value<PairingView>(await dispatch('devices.createPairing', pairingInput, admin));
    const relinked = value<DeviceView>(
      await dispatch(
        'devices.pair',
        { code: again.code },
        { ...browser(jar), device: device as CallerDevice },
      ),
    );
    expect((await registry.get(linked.id))?.status).toBe('unlinked');
    expect(await registry.authenticate(jar.get('device') ?? '', null)).toMatchObject({ id: relinked.id });

    const cashier = personOn(
      (await registry.authenticate(jar.get('device') ?? '', null)) as CallerDevice,
      'cashier',
    );
    // The cashier signed in on the tablet, with the browser's cookies as the shell's sinks.
    const onTablet = { ...browser(jar), ...cashier };
    const unlinked = value<DeviceView>(await dispatch('devices.unlinkSelf', {}, onTablet));
    expect(unlinked).toMatchObject({ id: relinked.id, status: 'unlinked' });
    expect(jar.size).toBe(0);
    expect(await registry.authenticate(credential, null)).toBe('revoked');
  });

  it('lets administrators and managers manage devices, and nobody else', async () => {
    const { dispatch, registry } = setUp();
    await registry.ensureStationDevice();
    const managerTablet: CallerDevice = {
      id: 'd1',
      name: 'Office',
      kind: 'till',
      rights: 'manager',
      tillId: 'till-2',
    };
    const employeeTablet: CallerDevice = { ...managerTablet, rights: 'employee' };
    expect(errorCode(await dispatch('devices.list', {}, personOn(STATION, 'manager')))).toBe('ok');
    expect(errorCode(await dispatch('devices.list', {}, personOn(managerTablet, 'manager')))).toBe('ok');
    expect(errorCode(await dispatch('devices.list', {}, personOn(STATION, 'cashier')))).toBe('FORBIDDEN');
    expect(errorCode(await dispatch('devices.list', {}, personOn(STATION, 'financial')))).toBe('FORBIDDEN');
    expect(errorCode(await dispatch('devices.list', {}, personOn(employeeTablet, 'administrator')))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await dispatch('devices.list', {}, browser(new Map())))).toBe('NOT_SIGNED_IN');
    expect(errorCode(await dispatch('devices.getNetwork', {}, personOn(STATION, 'manager')))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorCode(await dispatch('devices.revoke', { deviceId: 'station' }, personOn(STATION, 'manager'))),
    ).toBe('FORBIDDEN');
  });

  it('refuses a network without an address, a port below 1024, and a display without a till', async () => {
    const { dispatch } = setUp();
    const admin = personOn(STATION, 'administrator');
    const noAddress = await dispatch(
      'devices.setNetwork',
      { enabled: true, address: null, port: 8443 },
      admin,
    );
    expect(noAddress.ok ? [] : noAddress.error.fields).toEqual(['address']);
    expect(
      errorCode(
        await dispatch('devices.setNetwork', { enabled: true, address: '10.0.0.1', port: 443 }, admin),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      errorCode(await dispatch('devices.setNetwork', { enabled: false, address: null, port: 8443 }, admin)),
    ).toBe('ok');
    await dispatch('devices.setNetwork', { enabled: true, address: '10.0.0.1', port: 8443 }, admin);
    const display = { name: 'Screen', rights: 'employee', kind: 'display' };
    const refused = await dispatch('devices.createPairing', display, admin);
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'INVALID_INPUT', fields: ['tillId'] });
    expect(errorCode(await dispatch('devices.createPairing', { ...display, tillId: 'till-1' }, admin))).toBe(
      'ok',
    );
  });
});
