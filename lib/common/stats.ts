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
