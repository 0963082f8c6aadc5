import type { SimClock } from '../clock';
import type { SignatureQuirks } from '../jws/detached-signer';
import type { FaultSettings } from './fault-config';
import { createSeededRandom } from './random';
import { createTokenBuckets, type RateLimit } from './token-bucket';

/** What happens to one callback; decided once, when it is queued, so its retries stay identical. */
export interface CallbackFaults {
  drop: boolean;
  /** Extra byte-identical copies sent besides the callback itself: 0 unless the duplicate fault hits. */
  extraCopies: number;
  quirks: SignatureQuirks;
}

export interface FaultEngine {
  readonly seed: number;
  view(): { seed: number; global: FaultSettings; profiles: Record<string, FaultSettings> };
  setGlobal(settings: FaultSettings): void;
  setProfile(ppid: string, settings: FaultSettings): void;
  clear(): void;
  /** Global settings overlaid with the profile's own. */
  effective(ppid: string): FaultSettings;
  /** Draws from the named stream; false without a draw when the rate is 0 or unset. */
  hit(rate: number | undefined, stream: string): boolean;
  takeToken(ppid: string, limit: RateLimit): boolean;
  callbackFaults(ppid: string): CallbackFaults;
  /** Whether the due callbacks of one payment go out newest first this time. */
  reorder(ppid: string): boolean;
}

/** One copy, or up to `callbackDuplicateMaxCopies`, drawn evenly from the seeded generator. */
function extraCopies(f: FaultSettings, draw: (stream: string) => number): number {
  const max = f.callbackDuplicateMaxCopies ?? 1;
  return 1 + Math.floor(draw('callback-duplicate-copies') * max);
}

function decideCallbackFaults(
  f: FaultSettings,
  hit: FaultEngine['hit'],
  draw: (stream: string) => number,
): CallbackFaults {
  const digits = f.callbackIatFractionDigits ?? 3;
  return {
    drop: hit(f.callbackDropRate, 'callback-drop'),
    extraCopies: hit(f.callbackDuplicateRate, 'callback-duplicate') ? extraCopies(f, draw) : 0,
    quirks: {
      corrupt: hit(f.callbackBadSignatureRate, 'callback-bad-signature'),
      der: hit(f.callbackDerSignatureRate, 'callback-der'),
      ...(digits !== 3 && { iatFractionDigits: digits }),
    },
  };
}

export function createFaultEngine(seed: number, clock: SimClock): FaultEngine {
  const random = createSeededRandom(seed);
  const buckets = createTokenBuckets();
  let global: FaultSettings = {};
  let profiles: Record<string, FaultSettings> = {};
  const hit = (rate: number | undefined, stream: string): boolean =>
    rate !== undefined && rate > 0 && random.next(stream) < rate;
  const effective = (ppid: string): FaultSettings => ({ ...global, ...profiles[ppid] });
  return {
    seed,
    view: () => ({ seed, global, profiles }),
    setGlobal(settings) {
      global = settings;
      buckets.reset();
    },
    setProfile(ppid, settings) {
      profiles = { ...profiles, [ppid]: settings };
      buckets.reset();
    },
    clear() {
      global = {};
      profiles = {};
      buckets.reset();
    },
    effective,
    hit,
    takeToken: (ppid, limit) => buckets.take(ppid, limit, clock.now()),
    callbackFaults: (ppid) => decideCallbackFaults(effective(ppid), hit, (stream) => random.next(stream)),
    reorder: (ppid) => hit(effective(ppid).callbackReorderRate, 'callback-reorder'),
  };
}
