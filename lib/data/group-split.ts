import { createRng, EcgInputError, shuffledIndices } from '../common';
import { checkFraction, checkLabels, checkSameLength, indicesWhere } from './split-checks';

/** Rows grouped by patient: the distinct groups in first-seen order and each row's group number. */
export interface GroupIndex {
  names: string[];
  of: Int32Array;
}

/**
 * Numbers the distinct groups (patients, records) of per-row group keys.
 *
 * @example indexGroups(['a', 'b', 'a']).of // => Int32Array [0, 1, 0]
 */
export function indexGroups(groups: ArrayLike<string | number>): GroupIndex {
  const seen = new Map<string, number>();
  const of = new Int32Array(groups.length);
  for (let i = 0; i < groups.length; i++) {
    const key = String(groups[i]);
    let g = seen.get(key);
    if (g === undefined) {
      g = seen.size;
      seen.set(key, g);
    }
    of[i] = g;
  }
  return { names: [...seen.keys()], of };
}

/** Options of {@link groupSplit}. */
export interface GroupSplitOptions {
  /** Target share of rows in the test set; whole groups move, so it is met approximately. */
  testFraction: number;
  seed: number;
  /** Class of each row: when given, the split also keeps class proportions close on both sides. */
  y?: ArrayLike<number>;
  /** Random group orders tried (256). */
  trials?: number;
}

/** A patient-grouped split: row indices (ascending) and the groups on each side. */
export interface GroupSplit {
  train: Int32Array;
  test: Int32Array;
  trainGroups: string[];
  testGroups: string[];
}

/**
 * Seeded patient-grouped split: every group (patient) lands wholly in train or in test. Among
 * `trials` random group orders it keeps the prefix whose row share is closest to `testFraction`
 * and, with `y`, whose class proportions are closest to the whole data's (sum of absolute
 * differences), so minority classes are not left out of one side by chance.
 *
 * @throws EcgInputError with fewer than two groups, a fraction outside (0, 1) or mismatched lengths.
 * @example groupSplit(['a', 'a', 'b', 'c'], { testFraction: 0.25, seed: 1 }).testGroups.length // => 1
 */
export function groupSplit(groups: ArrayLike<string | number>, options: GroupSplitOptions): GroupSplit {
  checkFraction(options.testFraction, 'testFraction');
  const n = groups.length;
  const { names, of } = indexGroups(groups);
  const G = names.length;
  if (G < 2) throw new EcgInputError(`${G} group${G === 1 ? '' : 's'}`, { at: 'groups' }, 'at least two groups (patients) to split');
  const k = options.y ? checkLabels(options.y) : 1;
  if (options.y) checkSameLength(options.y, groups, 'options.y');
  const counts = new Float64Array(G * k);
  for (let i = 0; i < n; i++) counts[of[i] * k + (options.y ? options.y[i] : 0)]++;
  const total = new Float64Array(k);
  for (let g = 0; g < G; g++) for (let c = 0; c < k; c++) total[c] += counts[g * k + c];
  const rng = createRng(options.seed);
  const target = options.testFraction * n;
  const score = (testCounts: Float64Array, size: number): number => {
    let s = Math.abs(size - target) / target;
    if (options.y && size > 0) for (let c = 0; c < k; c++) s += Math.abs(testCounts[c] / size - total[c] / n);
    return s;
  };
  let best: { order: Int32Array; take: number; score: number } | undefined;
  for (let t = 0; t < (options.trials ?? 256); t++) {
    const order = shuffledIndices(G, rng);
    const testCounts = new Float64Array(k);
    let size = 0;
    for (let j = 0; j < G - 1; j++) {
      for (let c = 0; c < k; c++) testCounts[c] += counts[order[j] * k + c];
      for (let c = 0; c < k; c++) size += counts[order[j] * k + c];
      const s = score(testCounts, size);
      if (!best || s < best.score) best = { order, take: j + 1, score: s };
      if (size >= target) break;
    }
  }
  const isTest = new Uint8Array(G);
  for (let j = 0; j < best!.take; j++) isTest[best!.order[j]] = 1;
  return {
    train: indicesWhere(n, (i) => !isTest[of[i]]),
    test: indicesWhere(n, (i) => isTest[of[i]] === 1),
    trainGroups: names.filter((_, g) => !isTest[g]),
    testGroups: names.filter((_, g) => isTest[g] === 1),
  };
}
