import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDataDir } from '../core/config';
import { keepNewFilesPrivate } from '../core/data-folder';
import { REPO_ROOT } from './paths';
import { failStart, runStation } from './run-station';

const DEFAULT_PORT = 4780;

/**
 * `npm start`: the desktop app when Electron's binary is installed, otherwise the same UI served to a
 * browser by the station's HTTP shell.
 *
 * The binary is looked up the way the `electron` package does, ELECTRON_OVERRIDE_DIST_PATH included,
 * but without its habit of trying to download a missing binary.
 */
function electronBinary(env = process.env): string | null {
  const packageDir = join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, executable ?? 'electron');
    return existsSync(binary) ? binary : null;
  }
  if (!executable) return null;
  const binary = join(packageDir, 'dist', executable);
  return existsSync(binary) ? binary : null;
}

function portFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65_535) {
    console.error(`Kassa could not start: KASSA_PORT must be a port number from 0 to 65535, got "${raw}"`);
    process.exit(2);
  }
  return port;
}

// Before anything is written, and inherited by the desktop app started below.
keepNewFilesPrivate();
const binary = electronBinary();
if (binary) {
  const child = spawn(binary, [REPO_ROOT, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    "Electron's desktop binary is not installed on this machine, so Kassa opens in your browser instead.",
  );
  // A refused start keeps serving: the browser shows the reason and the remedies.
  runStation({
    port: portFromEnv(process.env.KASSA_PORT),
    dataDir: resolveDataDir(undefined),
    // A site's PostgreSQL (postgres://…/kassa); SQLite files in the data folder without it.
    database: process.env.KASSA_DATABASE || undefined,
    exitOnRefusal: false,
  })
    .then((url) => console.log(`Open ${url} in a browser (the customer display is at /customer).`))
    .catch(failStart);
}
