import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { request } from 'node:https';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractFailure } from '../../shared/contract';
import { createDeviceNetworkRunner } from '../../electron/core/devices/device-network-runner';
import { silentLogger } from '../../electron/core/logging/logger';
import { readStored } from '../../electron/core/tls/station-certificate';
import { tempDir } from '../support/temp';

/** What a device sees at `url`: the answer, or the connection's error code. */
function call(url: string): Promise<string> {
  return new Promise((resolve) => {
    const req = request(`${url}/hello`, { rejectUnauthorized: false, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve(body));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    req.end();
  });
}

async function freePort(host: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the linked devices listener follows the network settings', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function setUp() {
    const folder = tempDir();
    cleanups.push(() => folder.remove());
    const app = new Hono();
    app.get('/hello', (c) => c.text('hello'));
    const runner = createDeviceNetworkRunner({
      fetch: app.fetch,
      dataFolder: folder.dir,
      logger: silentLogger,
      hostName: 'kassa-pc',
    });
    cleanups.push(() => runner.close());
    return { runner, folder: folder.dir };
  }

  it('starts when turned on, moves with the address, and stops when turned off', async () => {
    const { runner, folder } = setUp();
    expect(await runner.apply({ enabled: false, address: null, port: 8443 })).toBeNull();
    const port = await freePort('127.0.0.2');
    const first = await runner.apply({ enabled: true, address: '127.0.0.2', port });
    expect(first).toBe(`https://127.0.0.2:${port}`);
    expect(await call(first ?? '')).toBe('hello');
    expect(readStored(folder)?.names).toContain('127.0.0.2');

    const movedPort = await freePort('127.0.0.3');
    const moved = await runner.apply({ enabled: true, address: '127.0.0.3', port: movedPort });
    expect(await call(moved ?? '')).toBe('hello');
    expect(await call(first ?? '')).toBe('ECONNREFUSED');
    expect(readStored(folder)?.names).toContain('127.0.0.3');

    expect(await runner.apply({ enabled: false, address: '127.0.0.3', port: movedPort })).toBeNull();
    expect(await call(moved ?? '')).toBe('ECONNREFUSED');
    expect(runner.url()).toBeNull();
  });

  it('refuses an address this machine lacks and a port already taken, and keeps what ran before', async () => {
    const { runner, folder } = setUp();
    const port = await freePort('127.0.0.2');
    const url = await runner.apply({ enabled: true, address: '127.0.0.2', port });
    const before = readStored(folder)?.fingerprint();
    const taken: Server = createServer();
    const takenPort = await freePort('127.0.0.4');
    await new Promise<void>((resolve) => taken.listen(takenPort, '127.0.0.4', resolve));
    cleanups.push(() => new Promise((resolve) => taken.close(resolve)));

    const fieldOf = async (apply: Promise<unknown>) =>
      apply.then(
        () => 'accepted',
        (error: unknown) =>
          error instanceof ContractFailure ? error.toError().fields?.join() : String(error),
      );
    expect(await fieldOf(runner.apply({ enabled: true, address: '203.0.113.9', port }))).toBe('address');
    expect(await fieldOf(runner.apply({ enabled: true, address: '127.0.0.4', port: takenPort }))).toBe(
      'port',
    );
    // Refused moves change nothing: the devices keep reaching the station where they did, with the
    // certificate (and fingerprint) they already trust.
    expect(readStored(folder)?.fingerprint()).toBe(before);
    expect(runner.url()).toBe(url);
    expect(await call(url ?? '')).toBe('hello');
  });
});
