import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/temp';

const read = (file: string): string => readFileSync(join(REPO_ROOT, file), 'utf8');

describe('the README and CI', () => {
  it('open with exactly two commands: install and run, then run every test', () => {
    // The code blocks between the title and the first line of prose.
    const blocks: string[][] = [];
    let inBlock = false;
    for (const line of read('README.md').split('\n').slice(1)) {
      if (line.startsWith('```')) {
        inBlock = !inBlock;
        if (inBlock) blocks.push([]);
      } else if (inBlock) blocks.at(-1)?.push(line);
      else if (line.trim() !== '') break;
    }
    expect(blocks).toEqual([['npm ci && npm start'], ['npm test']]);
  });

  it('make npm test run typecheck, lint, unit, integration and end-to-end tests, in that order', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const steps = scripts.test?.split('&&').map((step) => step.trim()) ?? [];
    const order = [
      'npm run typecheck',
      'npm run lint',
      'npm run test:unit',
      'npm run test:integration',
      'npm run test:e2e',
    ];
    expect(steps.filter((step) => order.includes(step))).toEqual(order);
    expect(scripts['test:e2e']).toBe('playwright test');
  });

  it('let .ci/run install Chromium with apt when it is missing, then run npm ci and the README test command', () => {
    const lines = read('.ci/run')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(lines).toContain('command -v chromium >/dev/null 2>&1 || missing+=(chromium)');
    expect(lines.some((line) => /apt-get install .*"\$\{missing\[@\]\}"/.test(line))).toBe(true);
    expect(lines.slice(-2)).toEqual(['npm ci', 'npm test']);
  });
});
