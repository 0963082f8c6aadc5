import { createServer } from 'node:net';
import type { BatchView, PrintJobView } from '../../shared/contract/topup-batch-views';
import type { PairingView } from '../../shared/contract/device-views';
import type { StaffView } from '../../shared/contract/staff-views';
import type { StationStatus, WristbandView } from '../../shared/contract';
import { mustCall, spawnStation, type StationProcess } from '../support/station-process';
import { tempDir } from '../support/temp';
import { DeviceClient } from './linked-devices-client';

/** The shop's local network, on loopback: the device listener binds here, as in the e2e tests. */
const LAN_ADDRESS = '127.0.0.2';
const CASHIER_PIN = '2580';
/** Enough for every debit the load can make on a band (60 debits of at most € 5), with room. */
export const TOP_UP_CENTS = 50_000;

export interface BenchStation {
  process: StationProcess;
  /** A contract call over the loopback shell, as the station window's training administrator. */
  must<T>(method: string, input?: unknown): Promise<T>;
  fingerprint: string;
  close(): Promise<void>;
}

export interface BenchDevice {
  deviceId: string;
  client: DeviceClient;
}

/** A training station of its own (temp data folder, its own simulator), with the device network on. */
export async function startBenchStation(options: { database?: string } = {}): Promise<BenchStation> {
  const folder = tempDir('kassa-bench-devices-');
  const process = await spawnStation({ dataDir: folder.dir, database: options.database ?? null });
  const must = <T>(method: string, input: unknown = {}): Promise<T> =>
    mustCall<T>(process.url, method, input);
  const close = async (): Promise<void> => {
    await process.stop();
    folder.remove();
  };
  try {
    if (!process.simulatorUrl) throw new Error('the bench station did not start in training mode');
    const port = await freePortOn(LAN_ADDRESS);
    await must('devices.setNetwork', { enabled: true, address: LAN_ADDRESS, port });
    const status = await must<StationStatus>('station.getStatus');
    if (!status.tlsFingerprint) throw new Error('the station shows no certificate fingerprint');
    return { process, must, fingerprint: status.tlsFingerprint, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** One cashier with a PIN, created by the administrator as on the Staff screen. */
export async function createCashier(station: BenchStation): Promise<{ staffId: string; pin: string }> {
  const input = { name: 'Bench cashier', locale: 'en', role: 'cashier', secret: CASHIER_PIN };
  const cashier = await station.must<StaffView>('staff.create', input);
  return { staffId: cashier.id, pin: CASHIER_PIN };
}

/**
 * `count` printed wristbands, each topped up by a festival-goer in the training simulator and seen by
 * the station. Batches of two, because a batch names its first and last wristband.
 */
export async function fundedWristbands(station: BenchStation, count: number): Promise<string[]> {
  const bands: string[] = [];
  const jobs: string[] = [];
  const printed = { count: 2, amountMode: 'open', description: 'Bench top-up', eventName: 'Bench Fest' };
  while (bands.length < count) {
    const { batch, job } = await station.must<{ batch: BatchView; job: PrintJobView }>('topup.createBatch', {
      ...printed,
      layout: 'label',
    });
    bands.push(batch.firstWristbandId, batch.lastWristbandId);
    jobs.push(job.jobId);
  }
  bands.length = count;
  // The PDFs render in a worker: let them finish so they do not share the load's cores.
  for (const jobId of jobs) await until(async () => (await jobState(station, jobId)) !== 'running');
  for (const wristbandId of bands)
    await station.must('training.topUp', { wristbandId, amountCents: TOP_UP_CENTS });
  for (const wristbandId of bands)
    await until(async () => (await balanceOf(station, wristbandId)) === TOP_UP_CENTS);
  return bands;
}

export async function balanceOf(station: BenchStation, wristbandId: string): Promise<number> {
  return (await station.must<WristbandView>('wristbands.get', { wristbandId })).balanceCents;
}

/**
 * A bar tablet linked as a person would link it: the manager shows a pairing code, the tablet opens
 * the link (checking the fingerprint the station showed), and the cashier signs in with their PIN.
 */
export async function linkBar(
  station: BenchStation,
  name: string,
  cashier: { staffId: string; pin: string },
): Promise<BenchDevice> {
  const pairing = await station.must<PairingView>('devices.createPairing', {
    name,
    rights: 'employee',
    kind: 'bar',
  });
  if (pairing.fingerprint !== station.fingerprint)
    throw new Error(
      `the pairing shows fingerprint ${pairing.fingerprint}, the station ${station.fingerprint}`,
    );
  const link = new URL(pairing.link);
  const client = new DeviceClient({ host: link.hostname, port: Number(link.port) }, pairing.fingerprint);
  const device = await client.must<{ id: string }>('devices.pair', { code: link.hash.slice(1) });
  await client.must('session.signIn', { staffId: cashier.staffId, secret: cashier.pin });
  if (!client.holds('kassa_device') || !client.holds('kassa_session'))
    throw new Error('the station set no device or session cookie');
  return { deviceId: device.id, client };
}

async function jobState(station: BenchStation, jobId: string): Promise<string> {
  return (await station.must<PrintJobView>('jobs.get', { jobId })).state;
}

/** Polls a condition the station reaches on its own (a print job, a top-up seen by its sweep). */
async function until(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`the station did not get there within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A free port on the device address: asked of the OS, then released for the station to take. */
function freePortOn(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}
