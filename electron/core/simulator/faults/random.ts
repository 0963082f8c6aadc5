/**
 * Seeded pseudo-random numbers, one independent stream per fault kind: switching one fault on or off does
 * not shift the draws of another, so a run is reproducible from `--seed` and the sequence of requests.
 */
export interface SeededRandom {
  readonly seed: number;
  /** A number in [0, 1) from the named stream. */
  next(stream: string): number;
}

function hash(text: string): number {
  // FNV-1a, 32 bits: enough to spread seeds over mulberry32's state.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mulberry32(state: number): () => number {
  let a = state;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createSeededRandom(seed: number): SeededRandom {
  const streams = new Map<string, () => number>();
  return {
    seed,
    next(stream) {
      let draw = streams.get(stream);
      if (draw === undefined) {
        draw = mulberry32(hash(`${seed}:${stream}`));
        streams.set(stream, draw);
      }
      return draw();
    },
  };
}
