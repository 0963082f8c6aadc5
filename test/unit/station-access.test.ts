import { describe, expect, it } from 'vitest';
import { createStationAccess, type AccessDeps } from '../../electron/core/access/station-access';
import { createDispatcher, type CallerDevice, type Handlers } from '../../electron/core/api/dispatcher';
import { silentLogger } from '../../electron/core/logging/logger';
import type { LiveSession } from '../../electron/core/staff/session-store';

const stationDevice: CallerDevice = {
  id: 'station',
  name: 'Station',
  kind: 'station',
  rights: 'manager',
  tillId: null,
};
const bar: CallerDevice = { id: 'bar-1', name: 'Bar 1', kind: 'bar', rights: 'employee', tillId: 'till-2' };
const display: CallerDevice = {
  id: 'display-1',
  name: 'Display',
  kind: 'display',
  rights: 'employee',
  tillId: 'till-1',
};
const devicesByCredential: Record<string, CallerDevice | 'revoked'> = { bar, display, old: 'revoked' };

const anna: LiveSession = {
  sessionId: 's-anna',
  deviceId: 'bar-1',
  staff: { id: 'anna', name: 'Anna', role: 'cashier', locale: 'nl', training: false },
  createdAt: 0,
  lastUsedAt: 0,
};
const sessionsByToken: Record<string, LiveSession> = { annaAtBar: anna };

function access(autoSignedIn: AccessDeps['autoSignedIn'] = async () => null) {
  const touched: string[] = [];
  const deps: AccessDeps = {
    sessions: {
      resolve: async (token) => sessionsByToken[token] ?? null,
      touch: async (id) => void touched.push(id),
    },
    devices: {
      authenticate: async (credential) => devicesByCredential[credential] ?? null,
      stationDevice: async () => stationDevice,
    },
    autoSignedIn,
  };
  return { ...createStationAccess(deps), touched };
}

const trainingAdmin = async () => ({
  id: 'training-administrator',
  name: 'Training administrator',
  role: 'administrator' as const,
});

describe('who is calling', () => {
  it('signs the station window in as the training administrator only while the rule says so', async () => {
    const fresh = await access(trainingAdmin).callerFor({ channel: 'local-http' });
    expect(fresh.staff?.role).toBe('administrator');
    expect(fresh.device?.id).toBe('station');
    const real = await access().callerFor({ channel: 'local-http' });
    expect(real.rights).toEqual({ session: 'none' });
    expect(real.device?.id).toBe('station');
  });

  it('never signs a linked device in by itself, even while the station window is', async () => {
    const caller = await access(trainingAdmin).callerFor({
      channel: 'device-https',
      deviceCredential: 'bar',
    });
    expect(caller.rights).toEqual({ session: 'none' });
    expect(caller.device?.id).toBe('bar-1');
  });

  it('takes a session only on the device it was opened on, and restarts its idle clock', async () => {
    const at = access();
    const ok = await at.callerFor({
      channel: 'device-https',
      deviceCredential: 'bar',
      sessionToken: 'annaAtBar',
    });
    expect(ok.staff?.name).toBe('Anna');
    expect(ok.rights).toMatchObject({ session: 'staff', role: 'cashier', deviceRights: 'employee' });
    expect(at.touched).toEqual(['s-anna']);
    const copied = await at.callerFor({
      channel: 'device-https',
      deviceCredential: 'display',
      sessionToken: 'annaAtBar',
    });
    expect(copied.staff).toBeNull();
    const onStation = await at.callerFor({ channel: 'local-http', sessionToken: 'annaAtBar' });
    expect(onStation.rights).toEqual({ session: 'none' });
  });

  it('gives a customer display its own view-only session, never a person', async () => {
    const caller = await access().callerFor({ channel: 'device-https', deviceCredential: 'display' });
    expect(caller.rights).toEqual({ session: 'display', deviceRights: 'employee', deviceKind: 'display' });
    expect(caller.staff).toBeNull();
  });

  it('answers DEVICE_REVOKED for a revoked device and NOT_SIGNED_IN without a device, through the dispatcher', async () => {
    const handlers = new Proxy({} as Handlers, { get: () => () => ({}) });
    const dispatch = createDispatcher(handlers, silentLogger);
    const revoked = await access().callerFor({ channel: 'device-https', deviceCredential: 'old' });
    expect(await dispatch('till.listSales', {}, revoked)).toMatchObject({
      ok: false,
      error: { code: 'DEVICE_REVOKED' },
    });
    const stranger = await access().callerFor({ channel: 'device-https' });
    expect(await dispatch('till.listSales', {}, stranger)).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
    expect(await dispatch('station.getStatus', {}, revoked)).toMatchObject({ ok: true });
  });
});
