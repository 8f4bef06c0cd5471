import { createRng, shuffledIndices } from '../common';
import { checkFraction, checkLabels, checkSameLength } from './split-checks';

/** Indices of a two-way split, each ascending. */
export interface TrainTest {
  train: Int32Array;
  test: Int32Array;
}

/** Options of {@link randomSplit}. */
export interface RandomSplitOptions {
  /** Share of rows in the test set (rounded per class when stratified). */
  testFraction: number;
  seed: number;
  /** Class of each row: when given, each class is split in the same proportion. */
  stratify?: ArrayLike<number>;
}

/**
 * Seeded random split of rows 0..n−1 into train and test, optionally stratified by class
 * (each class contributes round(count × testFraction) rows to the test set). Rows are split
 * without regard to patients: use {@link groupSplit} when the question is about new patients.
 *
 * @throws EcgInputError for a fraction outside (0, 1) or labels that do not match n.
 * @example randomSplit(10, { testFraction: 0.2, seed: 1 }).test.length // => 2
 */
export function randomSplit(n: number, options: RandomSplitOptions): TrainTest {
  checkFraction(options.testFraction, 'testFraction');
  const rng = createRng(options.seed);
  const isTest = new Uint8Array(n);
  if (options.stratify) {
    checkSameLength(options.stratify, { length: n }, 'options.stratify');
    const k = checkLabels(options.stratify, 'options.stratify');
    for (let c = 0; c < k; c++) {
      const members: number[] = [];
      for (let i = 0; i < n; i++) if (options.stratify[i] === c) members.push(i);
      const order = shuffledIndices(members.length, rng);
      const m = Math.round(members.length * options.testFraction);
      for (let j = 0; j < m; j++) isTest[members[order[j]]] = 1;
    }
  } else {
    const order = shuffledIndices(n, rng);
    const m = Math.round(n * options.testFraction);
    for (let j = 0; j < m; j++) isTest[order[j]] = 1;
  }
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < n; i++) (isTest[i] ? test : train).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}
