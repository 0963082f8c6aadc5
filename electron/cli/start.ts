import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDataDir } from '../core/config';
import { REPO_ROOT } from './paths';
import { failStart, runStation } from './run-station';

/**
 * `npm start`: the desktop app when Electron's binary is installed, otherwise the same UI served to a
 * browser by the station's HTTP shell.
 */
function electronBinary(): string | null {
  const packageDir = join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (binary) {
  const child = spawn(binary, [REPO_ROOT, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    "Electron's desktop binary is not installed on this machine, so Kassa opens in your browser instead.",
  );
  const port = Number(process.env.KASSA_PORT ?? 4780);
  runStation({ port, dataDir: resolveDataDir(undefined) })
    .then(() =>
      console.log(`Open http://127.0.0.1:${port} in a browser (the customer display is at /customer).`),
    )
    .catch(failStart);
}
