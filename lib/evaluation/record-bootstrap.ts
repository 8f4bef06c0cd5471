import { createRng, quantile, sampleWithReplacement } from '../common';
import { matrixMetrics, type MatrixMetrics } from './class-metrics';

/** One confusion matrix per test record (rows: true class, columns: predicted class). */
export interface RecordConfusions {
  classes: string[];
  records: string[];
  matrices: number[][][];
}

/** A 95 % interval [lower, upper]; null when too few replicates define the figure. */
export type Interval = [number, number] | null;

/** Record-level bootstrap intervals of the headline figures (fractions, like the figures they go with). */
export interface RecordBootstrap {
  method: string;
  replicates: number;
  seed: number;
  /** Records resampled in each replicate (the number of test records). */
  records: number;
  accuracy: Interval;
  balancedAccuracy: Interval;
  macroF1: Interval;
  perClass: Record<string, { se: Interval; ppv: Interval; f1: Interval }>;
}

/** Options of {@link recordBootstrap}. */
export interface BootstrapOptions {
  seed: number;
  /** Bootstrap replicates (default 2000). */
  replicates?: number;
}

/**
 * Splits predictions by test record into one confusion matrix per record, the unit the record
 * bootstrap and the paired record test resample.
 *
 * @example recordConfusions([0, 1], [0, 0], ['100', '101'], ['N', 'S']).matrices[1] // => [[0, 0], [1, 0]]
 * @throws RangeError when the three per-beat arrays differ in length
 */
export function recordConfusions(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  recordOfBeat: readonly string[],
  classes: readonly string[],
): RecordConfusions {
  if (yTrue.length !== yPred.length || yTrue.length !== recordOfBeat.length)
    throw new RangeError(
      `recordConfusions: ${yTrue.length} labels, ${yPred.length} predictions and ${recordOfBeat.length} record names; expected one of each per beat`,
    );
  const records = [...new Set(recordOfBeat)].sort();
  const slot = new Map(records.map((r, i) => [r, i]));
  const k = classes.length;
  const matrices = records.map(() => Array.from({ length: k }, () => new Array<number>(k).fill(0)));
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i];
    const p = yPred[i];
    if (!(t >= 0 && t < k && p >= 0 && p < k))
      throw new RangeError(`recordConfusions: beat ${i} has class ${t} → ${p}; expected 0..${k - 1}`);
    matrices[slot.get(recordOfBeat[i])!][t][p]++;
  }
  return { classes: [...classes], records, matrices };
}

/**
 * Pools the confusion matrices of the records `picks` (indices, repeats allowed) into one matrix.
 *
 * @example pooledMatrix(conf, [0, 0, 1]) // => record 0 counted twice plus record 1
 */
export function pooledMatrix(conf: RecordConfusions, picks: readonly number[]): number[][] {
  const k = conf.classes.length;
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const p of picks) {
    const a = conf.matrices[p];
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) m[i][j] += a[i][j];
  }
  return m;
}

/** A figure of a pooled confusion matrix, or NaN where it is undefined (0/0) for that matrix. */
export type PooledFigure = (m: MatrixMetrics, cm: number[][]) => number;

/**
 * A named figure of a pooled matrix: accuracy, balancedAccuracy, macroF1 or `<class>.se|ppv|f1`;
 * NaN where the ratio is 0/0 for that matrix, so resampling leaves such replicates out.
 *
 * @example figureOf('S.ppv', ['N', 'S'])(matrixMetrics(cm, ['N', 'S']), cm) // => +P of S
 * @throws RangeError for an unknown figure or class
 */
export function figureOf(name: string, classes: readonly string[]): PooledFigure {
  if (name === 'accuracy') return (m) => m.accuracy;
  if (name === 'balancedAccuracy') return (m) => m.balancedAccuracy;
  if (name === 'macroF1') return (m) => m.macro.f1;
  const [cls, what] = name.split('.');
  const c = classes.indexOf(cls);
  if (c < 0 || !['se', 'ppv', 'f1'].includes(what))
    throw new RangeError(`figure '${name}': expected accuracy, balancedAccuracy, macroF1 or <class>.(se|ppv|f1)`);
  return (m) => {
    const x = m.perClass[c];
    if (what === 'se') return x.tp + x.fn === 0 ? NaN : x.se;
    if (what === 'ppv') return x.tp + x.fp === 0 ? NaN : x.ppv;
    return x.tp + x.fp + x.fn === 0 ? NaN : x.f1;
  };
}

/**
 * The 2.5 % and 97.5 % quantiles (simple-statistics, numpy's linear method) of the finite values,
 * or null when fewer than half of the `replicates` define the figure.
 *
 * @example percentileInterval([0, 0.5, 0.5, 1], 4) // => [0.0375, 0.9625] (up to rounding)
 */
export function percentileInterval(values: readonly number[], replicates: number): Interval {
  const defined = values.filter((v) => Number.isFinite(v));
  if (defined.length === 0 || defined.length < replicates / 2) return null;
  const [lo, hi] = quantile(defined, [0.025, 0.975]);
  return [lo, hi];
}

/**
 * 95 % percentile-bootstrap intervals of accuracy, balanced accuracy, macro-F1 and per-class Se,
 * +P and F1, resampling whole test records with replacement (beats of one patient are not
 * independent, so resampling beats would give intervals that are far too narrow). Each replicate
 * pools the confusion matrices of the drawn records and recomputes the figures exactly as the
 * headline does; a replicate where a ratio is 0/0 (e.g. no S beat drawn) is left out of that
 * figure's interval. Seeded: the same seed gives the same intervals.
 *
 * @example recordBootstrap(recordConfusions(y, pred, records, classes), { seed: 42 }).perClass.S.se // => [0.61, 0.90] (for example)
 * @throws RangeError for no records or fewer than 100 replicates
 */
export function recordBootstrap(conf: RecordConfusions, options: BootstrapOptions): RecordBootstrap {
  const replicates = options.replicates ?? 2000;
  const r = conf.records.length;
  if (r === 0) throw new RangeError('recordBootstrap: no test records');
  if (!(Number.isInteger(replicates) && replicates >= 100))
    throw new RangeError(`recordBootstrap: ${replicates} replicates; expected an integer >= 100`);
  const names = [
    'accuracy',
    'balancedAccuracy',
    'macroF1',
    ...conf.classes.flatMap((c) => [`${c}.se`, `${c}.ppv`, `${c}.f1`]),
  ];
  const figures = names.map((n) => figureOf(n, conf.classes));
  const values = names.map(() => new Array<number>(replicates));
  const rng = createRng(options.seed);
  const indices = conf.records.map((_, i) => i);
  for (let b = 0; b < replicates; b++) {
    const cm = pooledMatrix(conf, sampleWithReplacement(indices, r, rng.next));
    const m = matrixMetrics(cm, conf.classes);
    figures.forEach((f, j) => (values[j][b] = f(m, cm)));
  }
  const ci = (name: string) => percentileInterval(values[names.indexOf(name)], replicates);
  return {
    method: `percentile bootstrap over test records (${replicates} replicates, ${r} records resampled with replacement)`,
    replicates,
    seed: options.seed,
    records: r,
    accuracy: ci('accuracy'),
    balancedAccuracy: ci('balancedAccuracy'),
    macroF1: ci('macroF1'),
    perClass: Object.fromEntries(
      conf.classes.map((c) => [c, { se: ci(`${c}.se`), ppv: ci(`${c}.ppv`), f1: ci(`${c}.f1`) }]),
    ),
  };
}
