import { existsSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatorServer, type SimulatorServer } from '../../electron/core/simulator';
import { freePort, servedFingerprint } from '../support/lan';
import { psql, startThrowawayPostgres, type PostgresServer } from '../support/postgres-server';
import { callHttp, spawnStation, type StationProcess } from '../support/station-process';
import { tempDir } from '../support/temp';
import { giveSiteFiles, SITE_CERTIFICATE_FILES } from '../support/site-files';

/*
 * Issue 12: the site address (HAProxy's, where devices reach the site) is set or changed at one station
 * while another runs: the other takes it in within 2 s, without making a certificate of its own. Two
 * station processes on one PostgreSQL, each with `--devices-listen`; devices are played by requests to
 * B's device listener carrying the site address as Host, as HAProxy passes them through.
 */

const SITE_PORT = 8443;
const FIRST_ADDRESS = '127.0.0.13';
const NEW_ADDRESS = '127.0.0.14';
const LISTEN = ['127.0.0.43', '127.0.0.44'] as const;
/** The brief's bound for a running station to take in the site address. */
const FOLLOW_BOUND_MS = 2_000;

let postgres: PostgresServer;
let simulator: SimulatorServer;
const folders = [tempDir('kassa-net-a-'), tempDir('kassa-net-b-')];
const listens: Array<{ host: string; port: number }> = [];
const stations: Array<StationProcess | null> = [null, null];

const start = async (i: number): Promise<StationProcess> => {
  const station = await spawnStation({
    ...{ dataDir: folders[i]!.dir, database: `${postgres.baseUrl}/devnet_site` },
    ...{ simulatorUrl: simulator.baseUrl, stationName: `station-${'ab'[i]}` },
    devicesListen: `${listens[i]!.host}:${listens[i]!.port}`,
  });
  stations[i] = station;
  return station;
};

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  psql(postgres.baseUrl, 'postgres', 'CREATE DATABASE devnet_site');
  simulator = await startSimulatorServer({ port: 0 });
  for (const host of LISTEN) listens.push({ host, port: await freePort(host) });
  // A makes the site key; B is given a copy and runs before any site address is set.
  await start(0);
  giveSiteFiles(folders[0]!.dir, folders[1]!.dir);
  await start(1);
}, 120_000);

afterAll(async () => {
  for (const station of stations) await station?.stop();
  await simulator?.close();
  for (const folder of folders) folder.remove();
  postgres?.remove();
});

describe('the site address set at one station reaches the stations already running', () => {
  it('B, without the site certificate, makes none of its own and says which files to copy', async () => {
    await setSiteAddress(FIRST_ADDRESS, SITE_PORT);
    const b = stations[1]!;
    await within(FOLLOW_BOUND_MS, async () => b.output().includes('copy station-tls-key.pem'));
    expect(SITE_CERTIFICATE_FILES.some((name) => existsSync(join(folders[1]!.dir, name)))).toBe(false);
    // Copied as docs/site-setup.md says, B serves the site's certificate once restarted.
    copyCertificate();
    await b.stop();
    await start(1);
    const fingerprint = await siteFingerprint();
    expect(await servedFingerprint(listens[1]!.port, listens[1]!.host)).toBe(fingerprint);
    expect(await deviceCall(`${FIRST_ADDRESS}:${SITE_PORT}`)).toBe('answered');
  });

  it('a new site address is answered by the running B within 2 s; the old one is refused', async () => {
    const before = await servedFingerprint(listens[1]!.port, listens[1]!.host);
    const started = Date.now();
    await setSiteAddress(NEW_ADDRESS, SITE_PORT);
    await within(
      FOLLOW_BOUND_MS,
      async () => (await deviceCall(`${NEW_ADDRESS}:${SITE_PORT}`)) === 'answered',
    );
    const tookMs = Date.now() - started;
    expect(tookMs).toBeLessThan(FOLLOW_BOUND_MS);
    expect(await deviceCall(`${FIRST_ADDRESS}:${SITE_PORT}`)).toBe('FORBIDDEN');
    // A made the site's certificate for the new address; B kept the one it holds and asks for a copy.
    expect(await servedFingerprint(listens[1]!.port, listens[1]!.host)).toBe(before);
    expect(await siteFingerprint()).not.toBe(before);
    expect(stations[1]!.output()).toContain(
      `another station set the site address ${NEW_ADDRESS}:${SITE_PORT}`,
    );
  });

  it('with the copy in place, B serves the site certificate at the next change, without a restart', async () => {
    copyCertificate();
    // HAProxy moved to another port of the same address: B's copy covers the address.
    await setSiteAddress(NEW_ADDRESS, SITE_PORT + 1);
    await within(
      FOLLOW_BOUND_MS,
      async () => (await deviceCall(`${NEW_ADDRESS}:${SITE_PORT + 1}`)) === 'answered',
    );
    expect(await servedFingerprint(listens[1]!.port, listens[1]!.host)).toBe(await siteFingerprint());
  });
});

async function setSiteAddress(address: string, port: number): Promise<void> {
  const answer = await callHttp(stations[0]!.url, 'devices.setNetwork', { enabled: true, address, port });
  if (!answer.ok) throw new Error(`devices.setNetwork: ${answer.error.code} ${answer.error.message}`);
}

/** The certificate A serves: the site's. */
function siteFingerprint(): Promise<string> {
  return servedFingerprint(listens[0]!.port, listens[0]!.host);
}

function copyCertificate(): void {
  giveSiteFiles(folders[0]!.dir, folders[1]!.dir, SITE_CERTIFICATE_FILES);
}

/** A device's call reaching B through HAProxy under this Host: answered, or refused with its code. */
function deviceCall(host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const body = '{}';
    const req = request(
      {
        ...listens[1]!,
        path: '/api/station.getStatus',
        method: 'POST',
        headers: { host, 'content-type': 'application/json', 'content-length': String(body.length) },
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            ok: boolean;
            error?: { code: string };
          };
          resolve(answer.ok ? 'answered' : (answer.error?.code ?? 'refused'));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function within(timeoutMs: number, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`not there within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
