// The areas under ROC and precision-recall curves, shared by lib/evaluation's curves and the
// charts of lib/viz (which must label a curve given without its area the same way).

/**
 * Area under a curve by the trapezoid rule, points taken in order of increasing x
 * (then y), so a curve given in any order gets the same area.
 *
 * @example trapezoidAuc([0, 0, 1], [0, 1, 1]) // => 1
 */
export function trapezoidAuc(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const order = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  let area = 0;
  for (let k = 1; k < order.length; k++)
    area += ((x[order[k]] - x[order[k - 1]]) * (y[order[k]] + y[order[k - 1]])) / 2;
  return area;
}

/**
 * Average precision as the step sum Σ (Rₖ − Rₖ₋₁)·Pₖ over points of increasing recall, starting
 * from recall 0 (the definition of scikit-learn's average_precision_score, no interpolation).
 *
 * @example stepAveragePrecision([0.5, 1], [1, 0.5]) // => 0.75
 */
export function stepAveragePrecision(recall: ArrayLike<number>, precision: ArrayLike<number>): number {
  const order = Array.from({ length: recall.length }, (_, i) => i).sort(
    (a, b) => recall[a] - recall[b] || precision[b] - precision[a],
  );
  let ap = 0;
  let prev = 0;
  for (const i of order) {
    ap += (recall[i] - prev) * precision[i];
    prev = recall[i];
  }
  return ap;
}
