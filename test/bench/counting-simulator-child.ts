import { startCountingSimulator } from './counting-simulator';

/** Child side of `spawnCountingSimulator`: answers `record` and `close` over IPC. */
async function main(): Promise<void> {
  const sim = await startCountingSimulator();
  process.on('message', (message: { type: string }) => {
    if (message.type === 'record') process.send!({ type: 'record', value: sim.record });
    if (message.type === 'close') void sim.close().then(() => process.exit(0));
  });
  // The bench going away must not leave a simulator behind.
  process.on('disconnect', () => void sim.close().then(() => process.exit(0)));
  process.send!({ type: 'ready', value: sim.baseUrl });
}

void main();
