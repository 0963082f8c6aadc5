import { SimError } from '../errors';
import type { FaultEngine } from './fault-engine';

/** Requests held open by the hang fault; all are let go when the simulator stops. */
export interface HangRegistry {
  wait(signal: AbortSignal): Promise<void>;
  releaseAll(): void;
}

export function createHangRegistry(): HangRegistry {
  const waiting = new Set<() => void>();
  return {
    wait(signal) {
      return new Promise<void>((resolve) => {
        const release = () => {
          waiting.delete(release);
          resolve();
        };
        waiting.add(release);
        signal.addEventListener('abort', release, { once: true });
      });
    },
    releaseAll() {
      for (const release of [...waiting]) release();
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Applies the profile's request faults, in the order a real outage shows them: throttling first, then a
 * request that never returns, then added latency, then a failed answer. Throws the SimError to answer.
 */
export async function applyRequestFaults(
  engine: FaultEngine,
  hangs: HangRegistry,
  ppid: string,
  signal: AbortSignal,
): Promise<void> {
  const f = engine.effective(ppid);
  if (f.rateLimit && !engine.takeToken(ppid, f.rateLimit)) {
    throw new SimError(429, 'TOO_MANY_REQUESTS', 'Rate limit exceeded (simulated)');
  }
  if (engine.hit(f.hangRate, 'hang')) {
    await hangs.wait(signal);
    // Nobody is listening any more; the answer only ends the handler.
    throw new SimError(503, 'TRY_AGAIN_LATER', 'The request was held until the client gave up (simulated)');
  }
  if (f.latencyMs) await sleep(f.latencyMs);
  if (engine.hit(f.errorRate, 'error'))
    throw new SimError(500, 'TECHNICAL_ERROR', 'Technical error (simulated)');
  if (engine.hit(f.unavailableRate, 'unavailable')) {
    throw new SimError(503, 'TRY_AGAIN_LATER', 'Service temporarily unavailable (simulated)');
  }
}
