import { eq } from 'drizzle-orm';
import type { DeviceSoundView } from '../../../shared/contract/preference-methods';
import type { AuditSink } from '../audit/audit-entry';
import type { Caller, Handlers } from '../api/dispatcher';
import type { StationDb } from '../db/open-station-database';
import { stationMeta } from '../db/station-schema';
import { actorOf } from './device-handlers';
import { STATION_DEVICE_ID } from './device-rows';

/**
 * The payment sound is kept with the station, per device id, in `station_meta` (no new table: a key per
 * device), not in the device's browser storage: a till whose browser data is wiped, or whose browser
 * is replaced on the same link, keeps what the shop chose instead of silently starting to beep again or
 * going quiet. A device that never chose plays the sound: it tells the cashier a payment came in.
 */
const soundKey = (deviceId: string): string => `device_sound:${deviceId}`;

export async function readDeviceSound(db: StationDb, deviceId: string): Promise<boolean> {
  const [row] = await db.read((q) =>
    q.select().from(stationMeta).where(eq(stationMeta.key, soundKey(deviceId))).limit(1),
  );
  return row?.value !== 'off';
}

async function writeDeviceSound(db: StationDb, deviceId: string, soundOn: boolean): Promise<void> {
  const value = soundOn ? 'on' : 'off';
  await db.write((tx) =>
    tx
      .insert(stationMeta)
      .values({ key: soundKey(deviceId), value })
      .onConflictDoUpdate({ target: stationMeta.key, set: { value } }),
  );
}

/** The calling device; a call without one is the station's own window (its loopback listener). */
const deviceIdOf = (caller: Caller): string => caller.device?.id ?? STATION_DEVICE_ID;

/** `devices.getSound` and `devices.setSound`: always the caller's own device, never one named in the input. */
export function createDeviceSoundHandlers(deps: {
  db: StationDb;
  audit: AuditSink;
}): Pick<Handlers, 'devices.getSound' | 'devices.setSound'> {
  const view = async (deviceId: string): Promise<DeviceSoundView> => ({
    deviceId,
    soundOn: await readDeviceSound(deps.db, deviceId),
  });
  return {
    'devices.getSound': (_input, caller) => view(deviceIdOf(caller)),
    'devices.setSound': async ({ soundOn }, caller) => {
      const deviceId = deviceIdOf(caller);
      const before = await readDeviceSound(deps.db, deviceId);
      await writeDeviceSound(deps.db, deviceId, soundOn);
      await deps.audit.record({
        ...actorOf(caller),
        action: 'devices.setSound',
        outcome: 'ok',
        subject: deviceId,
        detail: { from: before ? 'on' : 'off', to: soundOn ? 'on' : 'off' },
      });
      return view(deviceId);
    },
  };
}
