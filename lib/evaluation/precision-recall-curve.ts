import { stepAveragePrecision } from './curve-area';
import { cumulativeCounts } from './roc-curve';

/** Points of a precision–recall curve, one per distinct score (highest first). */
export interface PrCurve {
  precision: number[];
  recall: number[];
  thresholds: number[];
  /** Average precision Σ (Rₙ − Rₙ₋₁)·Pₙ, or null when there is no positive. */
  averagePrecision: number | null;
}

/**
 * The precision–recall curve and average precision (AUPR) as sklearn.metrics.average_precision_score
 * defines it: the step-wise sum Σ (Rₙ − Rₙ₋₁)·Pₙ over distinct thresholds, no interpolation.
 *
 * @example precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).averagePrecision // => 0.8333333333333333
 * @throws RangeError when labels and scores differ in length
 */
export function precisionRecallCurve(positive: ArrayLike<boolean | number>, scores: ArrayLike<number>): PrCurve {
  const { tps, fps, thresholds } = cumulativeCounts(positive, scores);
  const p = tps.length ? tps[tps.length - 1] : 0;
  const precision = tps.map((t, i) => t / (t + fps[i]));
  const recall = tps.map((t) => (p === 0 ? NaN : t / p));
  const ap = p > 0 ? stepAveragePrecision(recall, precision) : null;
  return { precision, recall, thresholds, averagePrecision: ap };
}
