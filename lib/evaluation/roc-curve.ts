import { trapezoidAuc } from './curve-area';
/** Points of a ROC curve, one per distinct score (highest first), starting at (0, 0). */
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /** Score threshold of each point (score ≥ threshold counts as positive); the first is +Infinity. */
  thresholds: number[];
  /** Area under the curve, or null when only one class is present. */
  auc: number | null;
}

/** Cumulative true/false positive counts at each distinct score, highest score first. */
export function cumulativeCounts(
  positive: ArrayLike<boolean | number>,
  scores: ArrayLike<number>,
): { tps: number[]; fps: number[]; thresholds: number[] } {
  if (positive.length !== scores.length) throw new RangeError(`${positive.length} labels but ${scores.length} scores`);
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const tps: number[] = [];
  const fps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let r = 0; r < order.length; r++) {
    const i = order[r];
    if (positive[i]) tp++;
    else fp++;
    // Tied scores form one point: the curve moves diagonally across a tie, which is what gives
    // tied positive/negative pairs half credit in the area.
    if (r === order.length - 1 || scores[order[r + 1]] !== scores[i]) {
      tps.push(tp);
      fps.push(fp);
      thresholds.push(scores[i]);
    }
  }
  return { tps, fps, thresholds };
}

/**
 * The ROC curve of scores against binary labels, and its area by the trapezoid rule, which equals
 * the Mann–Whitney U statistic / (n₊·n₋) with ties counted half (Hanley & McNeil 1982; same points
 * as sklearn.metrics.roc_curve with drop_intermediate=False).
 *
 * @example rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).auc // => 0.75
 * @throws RangeError when labels and scores differ in length
 */
export function rocCurve(positive: ArrayLike<boolean | number>, scores: ArrayLike<number>): RocCurve {
  const { tps, fps, thresholds } = cumulativeCounts(positive, scores);
  const p = tps.length ? tps[tps.length - 1] : 0;
  const n = fps.length ? fps[fps.length - 1] : 0;
  const fpr = [0, ...fps.map((f) => (n === 0 ? NaN : f / n))];
  const tpr = [0, ...tps.map((t) => (p === 0 ? NaN : t / p))];
  const auc = p > 0 && n > 0 ? trapezoidAuc(fpr, tpr) : null;
  return { fpr, tpr, thresholds: [Infinity, ...thresholds], auc };
}
