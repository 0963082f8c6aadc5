import { isIP } from 'node:net';
import type { StationDb } from '../db/open-station-database';
import type { Logger } from '../logging/logger';
import { readStored } from '../tls/station-certificate';
import { readDeviceNetwork, type DeviceNetwork } from './device-network';

export interface FollowedNetworkDeps {
  /** The site database, where every station's device network is stored. */
  db: StationDb;
  /** The data folder holding this station's copy of the site certificate. */
  dataFolder: string;
  logger: Logger;
  /** The network this station serves now. */
  current: DeviceNetwork;
  /** Moves the device listener as this station's own change would (`onNetworkChanged`). */
  apply?: (network: DeviceNetwork) => unknown;
}

/**
 * Another station of the site changed the device network (the site address): it is read again from
 * the site database and served from now on, so the Host check and the pairing link follow at once.
 * The listener follows too, but never by making a certificate here: the station where the address was
 * set made the site's one, and a second one would show devices another fingerprint depending on the
 * station HAProxy picks. Without a copy covering the new address the listener stays as it is (a station
 * with `--devices-listen` listens where it listens anyway) and the log says which files to copy.
 * Returns the network to serve.
 */
export async function followNetwork(deps: FollowedNetworkDeps): Promise<DeviceNetwork> {
  const next = await readDeviceNetwork(deps.db);
  if (sameNetwork(next, deps.current)) return deps.current;
  const where = `${next.address ?? ''}:${next.port}`;
  if (next.enabled && next.address !== null && !holdsSiteCertificateFor(deps.dataFolder, next.address)) {
    deps.logger.warn(
      `linked devices: another station set the site address ${where}, and this station has no site ` +
        'certificate for it: copy station-tls-key.pem and station-tls-cert.pem from that station into ' +
        'this data folder, then restart this station (devices are accepted under the new address meanwhile)',
    );
    return next;
  }
  try {
    await deps.apply?.(next);
    deps.logger.info(`linked devices: the site address set at another station is served (${where})`);
  } catch (error) {
    // The address is served by the Host check all the same; the listener keeps what it had.
    deps.logger.error('linked devices could not follow the site address another station set', error);
  }
  return next;
}

function sameNetwork(a: DeviceNetwork, b: DeviceNetwork): boolean {
  return a.enabled === b.enabled && a.address === b.address && a.port === b.port;
}

/** Whether the certificate files here are the site's, made for this address (copied from its maker). */
function holdsSiteCertificateFor(folder: string, address: string): boolean {
  const held = readStored(folder);
  if (!held?.site) return false;
  const name = isIP(address) === 6 ? canonicalIpv6(address) : address.toLowerCase();
  return held.names.includes(name);
}

/** The certificate lists IPv6 addresses in their shortest form, as `new URL` writes them. */
function canonicalIpv6(address: string): string {
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}
