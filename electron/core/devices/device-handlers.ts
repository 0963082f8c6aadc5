import QRCode from 'qrcode';
import { ContractFailure } from '../../../shared/contract';
import type { DeviceNetworkView, PairingView } from '../../../shared/contract/device-views';
import type { AuditActor, AuditSink } from '../audit/audit-entry';
import type { Caller, Handlers } from '../api/dispatcher';
import type { StationDb } from '../db/open-station-database';
import { ensureStationCertificate, readStored, type StationCertificate } from '../tls/station-certificate';
import {
  lanAddresses,
  pairingLink,
  readDeviceNetwork,
  writeDeviceNetwork,
  type DeviceNetwork,
} from './device-network';
import type { DeviceRegistry } from './device-registry';

export interface DeviceHandlerDeps {
  registry: DeviceRegistry;
  db: StationDb;
  audit: AuditSink;
  /** The data folder: the station's certificate is kept there. */
  dataFolder: string;
  now?: () => number;
  /** The machine's host name for the certificate (tests pass one). */
  hostName?: string;
  /**
   * Told before a network change is stored, to start, move or stop the HTTPS listener (a
   * `DeviceNetworkRunner`'s `apply`); what it throws refuses the change.
   */
  onNetworkChanged?: (network: DeviceNetwork) => unknown;
  /** Told once a network change is stored (the station keeps the network it serves in memory). */
  onNetworkStored?: (network: DeviceNetwork) => void;
}

type DeviceMethods =
  | 'devices.list'
  | 'devices.createPairing'
  | 'devices.revoke'
  | 'devices.pair'
  | 'devices.unlinkSelf'
  | 'devices.getNetwork'
  | 'devices.setNetwork';

/** The Linked devices screen, the device's pairing page and *Unlink this device*. */
export function createDeviceHandlers(deps: DeviceHandlerDeps): Pick<Handlers, DeviceMethods> {
  const { registry, db } = deps;
  const certificateFor = (network: DeviceNetwork): Promise<StationCertificate> =>
    ensureStationCertificate({
      folder: deps.dataFolder,
      addresses: network.address ? [network.address] : [],
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.hostName ? { hostName: deps.hostName } : {}),
    });
  return {
    'devices.list': () => registry.list(),
    'devices.createPairing': async (input, caller) => {
      const network = await readDeviceNetwork(db);
      // A code is only worth showing if a device can reach the station with it.
      if (!network.enabled || network.address === null)
        throw new ContractFailure('CONFLICT', 'Turn on linked devices on the local network first');
      const certificate = await certificateFor(network);
      const pairing = await registry.createPairing({
        ...input,
        tillId: input.tillId ?? null,
        actor: actorOf(caller),
      });
      return pairingView(network, certificate, pairing);
    },
    'devices.revoke': ({ deviceId }, caller) => registry.revoke(deviceId, actorOf(caller)),
    'devices.pair': async ({ code }, caller) => {
      const { device, credential } = await registry.pair({ code, address: caller.address ?? null });
      // A browser holds one link: the one its cookie held until now ends, rather than idling for 30 days.
      if (caller.device && caller.device.kind !== 'station') await registry.unlink(caller.device.id);
      // Only the shell's cookie carries it: never in an answer, a log or the audit log.
      caller.deviceCredential?.set(credential);
      return device;
    },
    'devices.unlinkSelf': (_input, caller) => unlinkSelf(registry, caller),
    'devices.getNetwork': async () => networkView(deps, await readDeviceNetwork(db), certificateFor),
    'devices.setNetwork': async (input, caller) => {
      // The listener moves first: an address it cannot listen on is refused and nothing is stored.
      await deps.onNetworkChanged?.(input);
      await setNetwork(deps, input, caller);
      return networkView(deps, input, certificateFor);
    },
  };
}

/** *Unlink this device*: its access ends, and the browser forgets the session and the credential. */
async function unlinkSelf(registry: DeviceRegistry, caller: Caller) {
  if (!caller.device || caller.device.kind === 'station')
    throw new ContractFailure('FORBIDDEN', "The station's own window is not a linked device");
  const device = await registry.unlink(caller.device.id);
  caller.session?.clear();
  caller.deviceCredential?.clear();
  return device;
}

async function setNetwork(deps: DeviceHandlerDeps, network: DeviceNetwork, caller: Caller): Promise<void> {
  const before = await readDeviceNetwork(deps.db);
  await writeDeviceNetwork(deps.db, network);
  deps.onNetworkStored?.(network);
  await deps.audit.record({
    ...actorOf(caller),
    action: 'devices.setNetwork',
    outcome: 'ok',
    detail: { before, after: network },
  });
}

/** Who the audit log names for a call: the person signed in and the device they used. */
export function actorOf(caller: Caller): AuditActor {
  return {
    staff: caller.staff ? { id: caller.staff.id, name: caller.staff.name } : null,
    device: caller.device ? { id: caller.device.id, name: caller.device.name } : null,
  };
}

async function pairingView(
  network: DeviceNetwork,
  certificate: StationCertificate,
  pairing: { code: string; expiresAt: number; tillId: string | null },
): Promise<PairingView> {
  const link = pairingLink(network, pairing.code);
  return {
    code: pairing.code,
    link,
    expiresAt: new Date(pairing.expiresAt).toISOString(),
    tillId: pairing.tillId,
    fingerprint: certificate.fingerprint(),
    qrSvg: await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
  };
}

/** While on, the certificate for the chosen address is made (or renewed) so its fingerprint is the one served. */
async function networkView(
  deps: DeviceHandlerDeps,
  network: DeviceNetwork,
  certificateFor: (network: DeviceNetwork) => Promise<StationCertificate>,
): Promise<DeviceNetworkView> {
  const certificate =
    network.enabled && network.address !== null ? await certificateFor(network) : readStored(deps.dataFolder);
  return {
    ...network,
    fingerprint: certificate?.fingerprint() ?? null,
    candidateAddresses: lanAddresses(),
  };
}
