import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/temp';

// The boundary rules need no type information: the type-aware rules (and the TypeScript program each
// made-up probe file would cost, seconds apiece) are left out here.
const eslint = new ESLint({
  cwd: REPO_ROOT,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
    },
  },
});
const BOUNDARY_RULES = new Set([
  'no-restricted-imports',
  'no-restricted-syntax',
  'no-restricted-globals',
  '@typescript-eslint/no-restricted-types',
]);

/** The boundary messages ESLint reports for `code` as if it were the file at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${filePath}` });
  const messages = result?.messages ?? [];
  // A parse error would report nothing from the boundary rules and make a "forbidden" case pass silently.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
}

describe('folder boundaries', () => {
  it.each([
    ['shared/domain/probe.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;\n"],
    ['shared/domain/probe.ts', "import { join } from 'node:path';\nexport const a = join;\n"],
    ['shared/domain/probe.ts', "import type { Server } from 'node:http';\nexport type A = Server;\n"],
    ['shared/domain/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/domain/probe.ts', "import { useState } from 'react';\nexport const a = useState;\n"],
    [
      'shared/domain/probe.ts',
      "import { createStation } from '../../electron/core/station';\nexport const a = createStation;\n",
    ],
    ['shared/domain/probe.ts', "export const a = () => import('node:fs');\n"],
    ['shared/domain/probe.ts', "export const a = () => require('fs');\n"],
    ['shared/domain/probe.ts', 'export const a = () => document.title;\n'],
    ['shared/domain/probe.ts', 'export const a = () => window.location.href;\n'],
    ['shared/domain/probe.ts', "export const a = () => localStorage.getItem('x');\n"],
    ['shared/domain/probe.ts', 'export const a = (e: HTMLElement) => e;\n'],
    ['shared/domain/probe.ts', 'export const a = () => process.env.HOME;\n'],
    ['shared/domain/probe.ts', "export const a = () => Buffer.from('x');\n"],
    ['electron/core/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    [
      'electron/core/till/probe.ts',
      "import type { BrowserWindow } from 'electron';\nexport type A = BrowserWindow;\n",
    ],
    [
      'electron/core/probe.ts',
      "import { autoUpdater } from 'electron-updater';\nexport const a = autoUpdater;\n",
    ],
    ['electron/core/probe.ts', "export const a = () => import('electron');\n"],
    ['electron/core/probe.ts', "export const a = () => require('electron');\n"],
    ['electron/core/probe.ts', "import { connectIpc } from '../main/ipc';\nexport const a = connectIpc;\n"],
    ['electron/cli/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    [
      'renderer/src/probe.ts',
      "import { createStation } from '../../electron/core/station';\nexport const a = createStation;\n",
    ],
    [
      'renderer/src/features/till/probe.tsx',
      "import type { Station } from '../../../../electron/core/station';\nexport type A = Station;\n",
    ],
    ['renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['renderer/src/probe.ts', "export const a = () => import('../../electron/core/station');\n"],
    ['renderer/src/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['renderer/src/probe.ts', "import { EventEmitter } from 'events';\nexport const a = EventEmitter;\n"],
  ])('%s may not do %j', async (file, code) => {
    expect((await boundaryErrors(file, code)).length).toBeGreaterThan(0);
  });

  it.each([
    [
      'shared/contract/probe.ts',
      "import { z } from 'zod';\nimport type { EventMap } from './events';\nexport const a: EventMap | undefined = undefined;\nexport const b = z;\n",
    ],
    // What Node and browsers both have is isomorphic.
    [
      'shared/domain/probe.ts',
      "export const a = (n: number) => new Intl.NumberFormat('nl-BE').format(n) + new URL('https://x.be').host;\nexport const b = () => setTimeout(() => new TextEncoder(), 1);\n",
    ],
    // A local module named like a built-in is not the built-in.
    ['shared/contract/probe.ts', "import { EVENT_NAMES } from './events';\nexport const a = EVENT_NAMES;\n"],
    [
      'electron/core/probe.ts',
      "import { join } from 'node:path';\nimport { ContractFailure } from '../../shared/contract';\nexport const a = [join, ContractFailure];\nexport const b = () => import('./station');\n",
    ],
    [
      'renderer/src/probe.ts',
      "import { parseAmount } from '../../shared/domain/money';\nexport const a = parseAmount;\nexport const b = () => document.title;\n",
    ],
  ])('lets %s do what it may', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
