import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/temp';

const eslint = new ESLint({ cwd: REPO_ROOT });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('folder boundaries', () => {
  it.each([
    ['shared/domain/probe.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;\n"],
    ['shared/domain/probe.ts', "import { join } from 'node:path';\nexport const a = join;\n"],
    ['shared/domain/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/core/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    [
      'renderer/src/probe.ts',
      "import { createStation } from '../../electron/core/station';\nexport const a = createStation;\n",
    ],
    ['renderer/src/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
  ])('%s may not do %j', async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1);
  });

  it('lets shared/ import its own modules and zod', async () => {
    expect(
      await restrictedImports(
        'shared/contract/probe.ts',
        "import { z } from 'zod';\nimport type { EventMap } from './events';\nexport const a: EventMap | undefined = undefined;\nexport const b = z;\n",
      ),
    ).toEqual([]);
  });
});
