import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import type { Agreement } from '../../electron/core/ppro-simulator';
import { agreementBody, pproClient } from '../support/ppro-client';
import { REPO_ROOT, tempDir } from '../support/temp';

/** `npm run ppro-simulator`: its own process, its store across a SIGKILL, the key from the environment. */
const CLI = join(REPO_ROOT, 'electron/cli/ppro-simulator.ts');
const KEY = 'cli-test-key-do-not-print';

interface Running {
  child: ChildProcess;
  output: () => string;
  baseUrl: string;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function spawnCli(args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KASSA_PPRO_SIM_API_KEY: KEY },
  });
  children.push(child);
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { child, output: () => text };
}

async function start(args: string[]): Promise<Running> {
  const { child, output } = spawnCli(['--port', '0', '--json', ...args]);
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return { child, output, baseUrl: (JSON.parse(line) as { baseUrl: string }).baseUrl };
}

describe('npm run ppro-simulator', () => {
  it('keeps agreements in its --store across a SIGKILL, and takes the key from the environment without printing it', async () => {
    const folder = tempDir('kassa-ppro-cli-');
    try {
      const store = join(folder.dir, 'ppro.sqlite');
      const first = await start(['--store', store, '--max-amount', '1000']);
      const created = await pproClient(first.baseUrl, KEY).post<Agreement>(
        '/v1/payment-agreements',
        agreementBody({ initialPaymentCharge: { amount: { value: 900, currency: 'EUR' } } }),
      );
      expect(created.status).toBe(201);
      expect((await pproClient(first.baseUrl).get(`/v1/payment-agreements/${created.body.id}`)).status).toBe(
        401,
      );
      const over = await pproClient(first.baseUrl, KEY).post('/v1/payment-agreements', agreementBody());
      expect(over.status).toBe(422);
      first.child.kill('SIGKILL');
      await once(first.child, 'exit');
      const second = await start(['--store', store]);
      const read = await pproClient(second.baseUrl, KEY).get<Agreement>(
        `/v1/payment-agreements/${created.body.id}`,
      );
      expect(read.body).toEqual(created.body);
      const exit = once(second.child, 'exit');
      second.child.kill('SIGTERM');
      expect((await exit)[0]).toBe(0);
      expect(first.output() + second.output()).not.toContain(KEY);
    } finally {
      folder.remove();
    }
  });

  it('refuses a bad option with its usage and exit code 2', async () => {
    const { child, output } = spawnCli(['--port', 'abc']);
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(2);
    expect(output()).toContain('--port must be a whole number');
    expect(output()).toContain('Usage: npm run ppro-simulator');
  });
});
