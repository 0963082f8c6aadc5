import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import {
  TRAINING_DISPLAY_PROFILE,
  TRAINING_STICKER_PROFILE,
  TRAINING_TOPUP_FIXED_PROFILE,
} from '../../electron/core/simulator';
import { REPO_ROOT, tempDir } from '../support/temp';

const CLI = join(REPO_ROOT, 'electron/cli/simulator.ts');

// `node --import tsx` runs the same file as `npx tsx` without the npx/tsx wrapper processes, so the
// signals below reach the simulator itself and its exit code is the simulator's.
function runCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Everything the child prints on stdout, and its first line as soon as it is complete. */
function captureStdout(child: ChildProcess): { all(): string; firstLine: Promise<string> } {
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const firstLine = (once(lines, 'line') as Promise<[string]>).then(([line]) => line);
  return { all: () => text, firstLine };
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('npm run simulator', () => {
  it('--json prints one parseable line, serves on it, and stops cleanly on SIGTERM', async () => {
    const child = runCli(['--port', '0', '--json']);
    children.push(child);
    const stdout = captureStdout(child);
    const line = await stdout.firstLine;
    const info = JSON.parse(line) as {
      baseUrl: string;
      jwksUrl: string;
      profiles: Array<Record<string, unknown>>;
    };
    expect(Object.keys(info)).toEqual(['baseUrl', 'jwksUrl', 'profiles']);
    expect(info.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.jwksUrl).toBe(`${info.baseUrl}/jwks/`);
    expect(info.profiles).toContainEqual({
      ppid: TRAINING_DISPLAY_PROFILE.ppid,
      apiKey: TRAINING_DISPLAY_PROFILE.apiKey,
      type: 'display',
    });
    expect(info.profiles).toContainEqual({
      ppid: TRAINING_STICKER_PROFILE.ppid,
      apiKey: TRAINING_STICKER_PROFILE.apiKey,
      type: 'sticker',
      posIds: ['POS00001', 'POS00002'],
    });
    expect(info.profiles).toContainEqual({
      ppid: TRAINING_TOPUP_FIXED_PROFILE.ppid,
      apiKey: TRAINING_TOPUP_FIXED_PROFILE.apiKey,
      type: 'topup',
      topupAmountMode: 'fixed',
    });
    const jwks = (await (await fetch(info.jwksUrl)).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(1);
    const created = await fetch(`${info.baseUrl}/v3/payments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TRAINING_DISPLAY_PROFILE.apiKey}`,
        'content-type': 'application/json',
      },
      body: '{"amount":100}',
    });
    expect(created.status).toBe(201);

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(stdout.all()).toBe(`${line}\n`);
  });

  it('--profiles FILE replaces the default profiles, and --seed and text mode say what runs', async () => {
    const tmp = tempDir('kassa-sim-cli-');
    try {
      const file = join(tmp.dir, 'profiles.json');
      const festival = {
        ppid: 'f0f0f0f0f0f0f0f0f0f0f0f0',
        apiKey: 'festival-topup-key-0001',
        name: 'Festival Bar',
        iban: 'BE68539007547034',
        type: 'topup',
        topupAmountMode: 'modifiable',
        callbackUrl: 'http://127.0.0.1:9/callback',
      };
      writeFileSync(file, JSON.stringify({ profiles: [festival] }));
      const child = runCli(['--port', '0', '--profiles', file, '--allow-http-callbacks', '--seed', '42']);
      children.push(child);
      const stdout = captureStdout(child);
      expect(await stdout.firstLine).toMatch(/^Bancontact simulator listening on http:\/\/127\.0\.0\.1:\d+$/);
      while (!stdout.all().includes('Ctrl+C stops.')) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(stdout.all()).toContain('/jwks/  (fault seed 42)');
      expect(stdout.all()).toContain(
        'topup    ppid f0f0f0f0f0f0f0f0f0f0f0f0  apiKey festival-topup-key-0001',
      );
      expect(stdout.all()).toContain('amount modifiable');
      expect(stdout.all()).not.toContain(TRAINING_DISPLAY_PROFILE.apiKey);
    } finally {
      tmp.remove();
    }
  });

  it('a profiles file that is not valid stops the start with exit code 1 and the reason', async () => {
    const tmp = tempDir('kassa-sim-cli-');
    try {
      const file = join(tmp.dir, 'profiles.json');
      writeFileSync(file, JSON.stringify([{ ppid: 'nope', apiKey: 'secret-looking-key', type: 'display' }]));
      const child = runCli(['--port', '0', '--profiles', file]);
      children.push(child);
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(1);
      expect(stderr).toContain('ppid must be 24 hex characters');
      expect(stderr).not.toContain('secret-looking-key');
    } finally {
      tmp.remove();
    }
  });

  it.each([[['--port', 'eighty']], [['--port', '70000']], [['--seed', '-1']], [['--no-such-flag']]])(
    'exits with code 2 and says why for %j',
    async (args) => {
      const child = runCli(args);
      children.push(child);
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(2);
      expect(stderr).toMatch(/^simulator: .+/);
      expect(stderr).toContain('Usage:');
    },
  );
});
