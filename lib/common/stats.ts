// The one import point for descriptive statistics outside hot loops: simple-statistics
// (Neumaier-compensated sums; quantiles by linear interpolation, numpy's default "type 7").
// One median definition everywhere: the middle value, or the mean of the two middle values.
// simple-statistics ships ES-module type declarations ("type": "module") next to a CommonJS build;
// this CommonJS project loads that build with require and borrows the types, so the rest of lib/
// imports the statistics from here.
import type * as SimpleStatistics from 'simple-statistics' with { 'resolution-mode': 'require' };

const ss: typeof SimpleStatistics = require('simple-statistics');

/**
 * Quantiles of a sample (numpy's linear method), from simple-statistics.
 *
 * @example quantile([1, 2, 3, 4], 0.5) // => 2.5
 */
export const quantile = ss.quantile;

/**
 * `n` draws with replacement from `x`, using `random` (e.g. a seeded Rng's next) as the source.
 *
 * @example sampleWithReplacement([1, 2, 3], 2, createRng(1).next) // => two of 1, 2, 3
 */
export const sampleWithReplacement = ss.sampleWithReplacement;

/**
 * Arithmetic mean, from simple-statistics.
 *
 * @example mean([1, 2, 6]) // => 3
 */
export const mean = ss.mean;

/** Mean and sample standard deviation (n − 1) of a set of figures, e.g. of cross-validation folds. */
export interface MeanSd {
  mean: number;
  sd: number;
}

const asArray = (values: ArrayLike<number>): number[] => (Array.isArray(values) ? values : Array.from(values));

/**
 * The sample standard deviation (Bessel's n − 1); 0 for fewer than two values.
 *
 * @example sampleSd([2, 4, 4, 4, 5, 5, 7, 9]) // => 2.138089935299395
 */
export function sampleSd(values: ArrayLike<number>): number {
  return values.length < 2 ? 0 : ss.sampleStandardDeviation(asArray(values));
}

/**
 * Mean and sample standard deviation together (sd 0 for a single value), as fold spreads are reported.
 *
 * @example meanSd([1, 2, 3]) // => { mean: 2, sd: 1 }
 * @throws Error for no values
 */
export function meanSd(values: ArrayLike<number>): MeanSd {
  return { mean: ss.mean(asArray(values)), sd: sampleSd(values) };
}

/**
 * The median: the middle value, or the mean of the two middle values; NaN for no values.
 *
 * @example median([3, 1, 4, 2]) // => 2.5
 */
export function median(values: ArrayLike<number>): number {
  return values.length === 0 ? NaN : ss.median(asArray(values));
}

/**
 * The median of values already sorted ascending (no copy, no selection); NaN for no values.
 *
 * @example medianSorted(Float32Array.of(1, 2, 3, 10)) // => 2.5
 */
export function medianSorted(sorted: ArrayLike<number>): number {
  return sorted.length === 0 ? NaN : ss.medianSorted(sorted as number[]);
}
