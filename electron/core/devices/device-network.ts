import { networkInterfaces } from 'node:os';
import { isIPv6 } from 'node:net';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { StationDb } from '../db/open-station-database';
import { stationMeta } from '../db/station-schema';

/** Where linked devices reach the station: off until an administrator turns it on; HTTPS only. */
export interface DeviceNetwork {
  enabled: boolean;
  address: string | null;
  port: number;
}

export const DEVICE_NETWORK_KEY = 'devices_network';
export const DEFAULT_DEVICE_PORT = 8443;
export const DEFAULT_DEVICE_NETWORK: DeviceNetwork = {
  enabled: false,
  address: null,
  port: DEFAULT_DEVICE_PORT,
};

const storedNetwork = z.object({
  enabled: z.boolean(),
  address: z.string().nullable(),
  port: z.number().int().min(1).max(65535),
});

/** Kept in `station_meta`, so it stays the same whatever the mode and survives a restart. */
export async function readDeviceNetwork(db: StationDb): Promise<DeviceNetwork> {
  const [row] = await db.read((q) =>
    q.select().from(stationMeta).where(eq(stationMeta.key, DEVICE_NETWORK_KEY)).limit(1),
  );
  if (!row) return DEFAULT_DEVICE_NETWORK;
  try {
    const parsed = storedNetwork.safeParse(JSON.parse(row.value));
    // A value this Kassa cannot read leaves the network off rather than open on a guessed address.
    return parsed.success ? parsed.data : DEFAULT_DEVICE_NETWORK;
  } catch {
    return DEFAULT_DEVICE_NETWORK;
  }
}

export async function writeDeviceNetwork(db: StationDb, network: DeviceNetwork): Promise<void> {
  const value = JSON.stringify(network);
  await db.write((tx) =>
    tx
      .insert(stationMeta)
      .values({ key: DEVICE_NETWORK_KEY, value })
      .onConflictDoUpdate({ target: stationMeta.key, set: { value } }),
  );
}

/** This machine's own LAN addresses (IPv4 first), to choose the one devices reach the station on. */
export function lanAddresses(): string[] {
  const found = Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal)
    // A link-local IPv6 address needs a zone (`%eth0`) that a browser's address bar does not take.
    .filter((entry) => !(entry.family === 'IPv6' && entry.address.toLowerCase().startsWith('fe80:')))
    .map((entry) => entry.address);
  return [...new Set(found)].sort((a, b) => Number(isIPv6(a)) - Number(isIPv6(b)));
}

/** `https://192.168.1.20:8443/pair#code`: the code rides in the fragment, which no server or proxy sees. */
export function pairingLink(network: Pick<DeviceNetwork, 'address' | 'port'>, code: string): string {
  const address = network.address ?? '127.0.0.1';
  const host = isIPv6(address) ? `[${address}]` : address;
  return `https://${host}:${network.port}/pair#${code}`;
}
