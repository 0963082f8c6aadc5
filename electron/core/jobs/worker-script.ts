import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** How to start a worker: a built `.js` file, or (in development and tests) its TypeScript source through tsx. */
export type WorkerScript = { kind: 'file'; file: string } | { kind: 'eval'; code: string };

/**
 * The worker `name` that lives next to the calling module (`dir` = its `__dirname`). The Electron
 * build bundles workers as their own entries next to main (electron.vite.config.ts); running from
 * source (tsx, vitest), node cannot load `.ts` in a worker by itself, so the worker first registers
 * tsx's require hook, found from the source folder.
 */
export function workerScript(dir: string, name: string): WorkerScript {
  const built = join(dir, `${name}.js`);
  if (existsSync(built)) return { kind: 'file', file: built };
  const source = join(dir, `${name}.ts`);
  const code = [
    `require(require.resolve('tsx/cjs', { paths: [${JSON.stringify(dir)}] }));`,
    `require(${JSON.stringify(source)});`,
  ].join('\n');
  return { kind: 'eval', code };
}
