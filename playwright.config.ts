import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium by default; KASSA_CHROMIUM points elsewhere (e.g. Playwright's own build).
const executablePath = process.env.KASSA_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'test/e2e',
  // Each test starts its own station processes; two cores run them best one at a time.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
});
