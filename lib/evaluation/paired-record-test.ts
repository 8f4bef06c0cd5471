import { createRng, sampleWithReplacement } from '../common';
import { matrixMetrics } from './class-metrics';
import { figureOf, percentileInterval, pooledMatrix, type Interval, type RecordConfusions } from './record-bootstrap';

/** What {@link pairedRecordTest} returns: "A beats B" with an interval and a p-value. */
export interface PairedComparison {
  figure: string;
  /** The figure of A and of B on all test records, and A − B. */
  a: number;
  b: number;
  difference: number;
  /** 95 % percentile-bootstrap interval of A − B, resampling records (the same draw for both models). */
  ci95: Interval;
  /** Two-sided p-value of a paired permutation test: A's and B's predictions swapped record by record. */
  pValue: number;
  replicates: number;
  seed: number;
  records: number;
  method: string;
}

const pooledFigure = (conf: RecordConfusions, picks: number[], f: ReturnType<typeof figureOf>) => {
  const cm = pooledMatrix(conf, picks);
  return f(matrixMetrics(cm, conf.classes), cm);
};

/**
 * Compares two models scored on the same test records, pairing them by record: the difference of
 * a pooled figure (A − B), a 95 % bootstrap interval of that difference (records resampled with
 * replacement, both models on the same draw) and the p-value of a paired permutation test (under
 * "no difference", A's and B's predictions on a record are exchangeable, so each record's pair is
 * swapped with probability ½; p = (1 + #|d*| ≥ |d|) / (1 + replicates)). Seeded and reproducible.
 *
 * @example pairedRecordTest(confA, confB, 'macroF1', { seed: 1 }).pValue // => 0.03 (for example)
 * @throws RangeError when the two models were not scored on the same records and classes
 */
export function pairedRecordTest(
  a: RecordConfusions,
  b: RecordConfusions,
  figure: string,
  options: { seed: number; replicates?: number },
): PairedComparison {
  const replicates = options.replicates ?? 2000;
  if (a.records.join() !== b.records.join() || a.classes.join() !== b.classes.join())
    throw new RangeError(
      `pairedRecordTest: the models were scored on different records or classes (${a.records.length} vs ${b.records.length} records; classes ${a.classes.join(' ')} vs ${b.classes.join(' ')})`,
    );
  if (!(Number.isInteger(replicates) && replicates >= 100))
    throw new RangeError(`pairedRecordTest: ${replicates} replicates; expected an integer >= 100`);
  const f = figureOf(figure, a.classes);
  const n = a.records.length;
  const all = a.records.map((_, i) => i);
  const fa = pooledFigure(a, all, f);
  const fb = pooledFigure(b, all, f);
  const d = fa - fb;
  const rng = createRng(options.seed);
  const boot = new Array<number>(replicates);
  for (let r = 0; r < replicates; r++) {
    const picks = sampleWithReplacement(all, n, rng.next);
    boot[r] = pooledFigure(a, picks, f) - pooledFigure(b, picks, f);
  }
  // Swapped pairs: record i contributes A's matrix to one side and B's to the other.
  let extreme = 0;
  for (let r = 0; r < replicates; r++) {
    const left: RecordConfusions = { ...a, matrices: [] };
    const right: RecordConfusions = { ...a, matrices: [] };
    for (let i = 0; i < n; i++) {
      const swap = rng.next() < 0.5;
      left.matrices.push(swap ? b.matrices[i] : a.matrices[i]);
      right.matrices.push(swap ? a.matrices[i] : b.matrices[i]);
    }
    const dp = pooledFigure(left, all, f) - pooledFigure(right, all, f);
    // A tolerance keeps ties (e.g. identical models, d = 0) counted as extreme despite rounding.
    if (!Number.isNaN(dp) && Math.abs(dp) >= Math.abs(d) - 1e-12) extreme++;
  }
  return {
    figure,
    a: fa,
    b: fb,
    difference: d,
    ci95: percentileInterval(boot, replicates),
    pValue: (1 + extreme) / (1 + replicates),
    replicates,
    seed: options.seed,
    records: n,
    method: `paired over ${n} test records: percentile bootstrap of A − B and a sign-flip permutation test (${replicates} replicates each)`,
  };
}
