import { EcgInputError } from './errors';
/**
 * A small seeded pseudo-random generator (mulberry32), so that every random choice in a run
 * (shuffles, splits, oversampling, mixup, synthetic data) follows from the run's seed.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** A fresh 32-bit seed drawn from this stream, for seeding a sub-generator or tfjs. */
  seed(): number;
}

/**
 * Creates a seeded generator; the same seed always gives the same stream.
 *
 * @example createRng(42).int(10) // => the same integer in 0..9 on every run
 */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare: number | undefined;
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    normal: () => {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    seed: () => Math.floor(next() * 4294967296) >>> 0,
  };
}

/**
 * Fisher–Yates shuffle of the indices 0..n-1, driven by `rng`.
 *
 * @example shuffledIndices(3, createRng(1)) // => a permutation of [0, 1, 2]
 */
export function shuffledIndices(n: number, rng: Rng): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx;
}

/**
 * Combines two 32-bit integers into a well-spread 32-bit seed (a murmur3-style finaliser), so
 * neighbouring (seed, step) pairs give unrelated streams.
 *
 * @example mixSeeds(1, 2) === mixSeeds(1, 2) // => true
 */
export function mixSeeds(a: number, b: number): number {
  let h = (Math.imul(a >>> 0, 0x9e3779b1) ^ (b >>> 0)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The random choices of a training run, each with its own seed stream derived from the run's seed.
 * Streams 1..8 are the historical mixSeeds(seed, 1..8) of lib/train, kept so results reproduce; 9..11 replaced the
 * last magic numbers (patient-adapted fine-tuning, the study samples).
 */
export const SEED_STREAMS = {
  /** The intra-patient train/test split of beats. */
  split: 1,
  /** The validation hold-out (records or beats). */
  validation: 2,
  /** The per-class cap on training beats. */
  cap: 3,
  /** Random oversampling of the training split. */
  oversample: 4,
  /** The model's initial weights (when its config has no seed). */
  model: 5,
  /** The training loop: batch order, dropout masks, mixup. */
  training: 6,
  /** Record-bootstrap resampling of the test records (lib/evaluation's recordBootstrap). */
  bootstrap: 7,
  /** The patient-adapted protocol's draw of common training beats. */
  adaptation: 8,
  /** The patient-adapted protocol's fine-tuning: record r's run takes mixSeeds(this stream, r). */
  fineTuning: 9,
  /** The seeded sample that caps a study's validation side (lib/train's runStudy). */
  validationSample: 10,
  /** The seeded sample that caps a study's test side (lib/train's runStudy). */
  testSample: 11,
} as const;

/** A named seed stream of {@link SEED_STREAMS}. */
export type SeedStream = keyof typeof SEED_STREAMS;

/**
 * Named seeds for the random choices of a run: `seedStreams(seed).for('split')` instead of a
 * magic mixSeeds(seed, 1).
 *
 * @example seedStreams(42).for('oversample') === mixSeeds(42, 4) // => true
 */
export function seedStreams(seed: number): { seed: number; for(stream: SeedStream): number } {
  return {
    seed,
    for: (stream: SeedStream) => {
      const k = SEED_STREAMS[stream];
      if (k === undefined)
        throw new EcgInputError(
          `no seed stream '${String(stream)}'`,
          { at: 'seedStreams' },
          Object.keys(SEED_STREAMS).join(', '),
        );
      return mixSeeds(seed, k);
    },
  };
}
