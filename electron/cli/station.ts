import { parseArgs } from 'node:util';
import { resolveDataDir } from '../core/config';
import { failStart, runStation } from './run-station';

const USAGE = 'usage: npm run station -- [--port N] [--data DIR] [--simulator-url URL]';

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '4780' },
        data: { type: 'string' },
        'simulator-url': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be a number from 0 to 65535\n${USAGE}`);
    process.exit(2);
  }
  runStation({ port, dataDir: resolveDataDir(values.data), simulatorUrl: values['simulator-url'] }).catch(
    failStart,
  );
}

main();
