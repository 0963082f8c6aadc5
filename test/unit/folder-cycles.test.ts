import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../support/temp';

/**
 * The import-layering rule `npm run lint` runs (.dependency-cruiser.cjs), applied through
 * dependency-cruiser's own API: first to small trees written for the purpose, to show it can fail,
 * then to the real tree, to show the station has no folder cycle today.
 */
const config = createRequire(import.meta.url)(join(REPO_ROOT, '.dependency-cruiser.cjs')) as IConfiguration;

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** Writes `files` (path → source) under a fresh temp folder and returns that folder. */
function treeOf(files: Record<string, string>): string {
  const temp = tempDir('kassa-cycles-');
  cleanup = temp.remove;
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(temp.dir, path)), { recursive: true });
    writeFileSync(join(temp.dir, path), source);
  }
  return temp.dir;
}

/** Each violation as `rule: from → to`, sorted, so a test reads what lint would print. */
async function violations(baseDir: string, roots: string[]): Promise<string[]> {
  const { output } = await cruise(roots, {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden ?? [] },
  });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('the folder-cycle lint rule', () => {
  it('reports two folders that import each other, though no two modules form a cycle', async () => {
    const dir = treeOf({
      'electron/core/till/sale.ts': "import { book } from '../reports/book';\nexport const sale = book;\n",
      'electron/core/reports/book.ts': 'export const book = 1;\n',
      'electron/core/reports/summary.ts':
        "import type { Drawer } from '../till/drawer';\nexport type S = Drawer;\n",
      'electron/core/till/drawer.ts': 'export interface Drawer { cents: number }\n',
    });
    const found = await violations(dir, ['electron']);
    expect(found).toContain('no-folder-cycles: electron/core/till → electron/core/reports');
    expect(found).toContain('no-folder-cycles: electron/core/reports → electron/core/till');
  });

  it('reports a folder that imports a file at the root of electron/core (a cycle through the root)', async () => {
    const dir = treeOf({
      'electron/core/station.ts':
        "import { tracker } from './payments/tracker';\nexport const station = tracker;\n",
      'electron/core/payments/tracker.ts':
        "import type { Logger } from '../logger';\nexport const tracker = 1;\nexport type L = Logger;\n",
      'electron/core/logger.ts': 'export interface Logger { info(m: string): void }\n',
    });
    expect(await violations(dir, ['electron'])).toEqual([
      'core-root-is-the-top: electron/core/payments/tracker.ts → electron/core/logger.ts',
    ]);
  });

  it('accepts folders that depend one way, the shared piece one layer down', async () => {
    const dir = treeOf({
      'electron/core/station.ts': "import { sale } from './till/sale';\nexport const station = sale;\n",
      'electron/core/till/sale.ts': "import { book } from '../ledger/book';\nexport const sale = book;\n",
      'electron/core/reports/summary.ts':
        "import { book } from '../ledger/book';\nimport { sale } from '../till/sale';\nexport const s = book + sale;\n",
      'electron/core/ledger/book.ts': 'export const book = 1;\n',
    });
    expect(await violations(dir, ['electron'])).toEqual([]);
  });

  it(
    'passes on the real tree (electron and shared, as npm run lint cruises them)',
    { timeout: 120_000 },
    async () => {
      expect(await violations(REPO_ROOT, ['electron', 'shared'])).toEqual([]);
    },
  );
});
