import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { TRAINING_DISPLAY_PROFILE } from '../../electron/core/simulator';
import { REPO_ROOT } from '../support/temp';

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
    const info = JSON.parse(line) as { baseUrl: string; profiles: Array<Record<string, string>> };
    expect(info.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.profiles).toContainEqual({
      ppid: TRAINING_DISPLAY_PROFILE.ppid,
      apiKey: TRAINING_DISPLAY_PROFILE.apiKey,
      type: 'display',
    });
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

  it.each([[['--port', 'eighty']], [['--port', '70000']], [['--no-such-flag']]])(
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
