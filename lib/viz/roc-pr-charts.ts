import { EcgInputError } from '../common';
import { baseSpec, checkNonEmpty, roundTo, type ChartOptions, type VlSpec } from './chart-frame';

/** One class's ROC curve (one-vs-rest), points in threshold order. */
export interface RocCurve {
  label: string;
  fpr: ArrayLike<number>;
  tpr: ArrayLike<number>;
  /** Area under the curve; computed by the trapezoid rule over the points when absent. */
  auc?: number;
}

/** One class's precision–recall curve (one-vs-rest), points in threshold order. */
export interface PrCurve {
  label: string;
  recall: ArrayLike<number>;
  precision: ArrayLike<number>;
  /** Average precision; computed step-wise from the points when absent. */
  ap?: number;
}

/**
 * Area under a curve by the trapezoid rule, points taken in order of increasing x.
 *
 * @example trapezoidAuc([0, 0, 1], [0, 1, 1]) // => 1
 */
export function trapezoidAuc(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const order = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  let area = 0;
  for (let k = 1; k < order.length; k++) area += ((x[order[k]] - x[order[k - 1]]) * (y[order[k]] + y[order[k - 1]])) / 2;
  return area;
}

/**
 * Average precision as the step sum Σ (Rₖ − Rₖ₋₁)·Pₖ over points of increasing recall, starting
 * from recall 0 (the definition of scikit-learn's average_precision_score, no interpolation).
 *
 * @example stepAveragePrecision([0.5, 1], [1, 0.5]) // => 0.75
 */
export function stepAveragePrecision(recall: ArrayLike<number>, precision: ArrayLike<number>): number {
  const order = Array.from({ length: recall.length }, (_, i) => i).sort((a, b) => recall[a] - recall[b] || precision[b] - precision[a]);
  let ap = 0;
  let prev = 0;
  for (const i of order) {
    ap += (recall[i] - prev) * precision[i];
    prev = recall[i];
  }
  return ap;
}

/** Keeps points at least `step` apart (plus the last), so a curve over 100 000 thresholds stays small. */
function thin(x: ArrayLike<number>, y: ArrayLike<number>, step: number): number[] {
  const keep: number[] = [];
  let lx = NaN;
  let ly = NaN;
  for (let i = 0; i < x.length; i++) {
    if (i === x.length - 1 || !(Math.hypot(x[i] - lx, y[i] - ly) < step)) {
      keep.push(i);
      lx = x[i];
      ly = y[i];
    }
  }
  return keep;
}

interface CurveRows {
  rows: { curve: string; i: number; x: number; y: number }[];
  names: string[];
}

/**
 * Long-format rows of several curves, each sorted by x (ties: by y ascending for ROC, which
 * rises at a fixed fpr; descending for PR, which falls at a fixed recall) and thinned.
 */
function curveRows(curves: readonly { label: string; x: ArrayLike<number>; y: ArrayLike<number>; score: number; what: string }[], where: string, tieSign: 1 | -1): CurveRows {
  checkNonEmpty(curves, where, 'curves');
  const rows: CurveRows['rows'] = [];
  const names: string[] = [];
  for (const c of curves) {
    if (c.x.length !== c.y.length || c.x.length === 0) {
      throw new EcgInputError(`curve ${c.label} has ${c.x.length} and ${c.y.length} coordinates`, { file: where, at: `class ${c.label}` }, 'two non-empty arrays of equal length');
    }
    const name = `${c.label} (${c.what} ${c.score.toFixed(3)})`;
    names.push(name);
    const order = Array.from({ length: c.x.length }, (_, i) => i).sort((a, b) => c.x[a] - c.x[b] || tieSign * (c.y[a] - c.y[b]));
    const xs = order.map((i) => c.x[i]);
    const ys = order.map((i) => c.y[i]);
    thin(xs, ys, 0.002).forEach((i, k) => rows.push({ curve: name, i: k, x: roundTo(xs[i], 5), y: roundTo(ys[i], 5) }));
  }
  return { rows, names };
}

function curveSpec(title: string, xTitle: string, yTitle: string, { rows, names }: CurveRows, opts: ChartOptions, extra: Record<string, unknown>[], interpolate: string): VlSpec {
  const unit = { type: 'quantitative', scale: { domain: [0, 1] } };
  return {
    ...baseSpec(title, opts),
    width: opts.width ?? 300,
    height: opts.height ?? 300,
    layer: [
      ...extra,
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 1.5, clip: true, interpolate },
        encoding: {
          x: { field: 'x', ...unit, title: xTitle },
          y: { field: 'y', ...unit, title: yTitle },
          color: { field: 'curve', type: 'nominal', title: 'class', scale: { domain: names }, legend: { orient: 'right' } },
          order: { field: 'i', type: 'quantitative' },
        },
      },
    ],
  };
}

/**
 * ROC curves, one per class (one-vs-rest), with each class's AUC in the legend and the chance
 * diagonal dashed.
 *
 * @throws EcgInputError for an empty list or a curve whose fpr and tpr differ in length.
 * @example rocChart([{ label: 'V', fpr: [0, 0, 1], tpr: [0, 1, 1] }]).layer[1].data.values[0].curve // => 'V (AUC 1.000)'
 */
export function rocChart(curves: readonly RocCurve[], opts: ChartOptions = {}): VlSpec {
  const data = curveRows(curves.map((c) => ({ label: c.label, x: c.fpr, y: c.tpr, score: c.auc ?? trapezoidAuc(c.fpr, c.tpr), what: 'AUC' })), 'rocChart', 1);
  const chance = { data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }, mark: { type: 'line', strokeDash: [4, 4], color: '#aaa', strokeWidth: 1 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } };
  return curveSpec('ROC curves (one-vs-rest)', 'false positive rate', 'true positive rate (sensitivity)', data, opts, [chance], 'linear');
}

/**
 * Precision–recall curves, one per class (one-vs-rest), drawn as steps, with each class's
 * average precision in the legend — the honest view for rare classes, where ROC looks flattering.
 *
 * @throws EcgInputError for an empty list or a curve whose recall and precision differ in length.
 * @example prChart([{ label: 'V', recall: [0.5, 1], precision: [1, 0.5] }]).layer[0].data.values[0].curve // => 'V (AP 0.750)'
 */
export function prChart(curves: readonly PrCurve[], opts: ChartOptions = {}): VlSpec {
  const data = curveRows(curves.map((c) => ({ label: c.label, x: c.recall, y: c.precision, score: c.ap ?? stepAveragePrecision(c.recall, c.precision), what: 'AP' })), 'prChart', -1);
  // Drawn as steps: between two recalls the curve holds the precision of the higher one, exactly
  // the rectangles average precision sums (a straight line would overstate the area).
  return curveSpec('Precision–recall curves (one-vs-rest)', 'recall (sensitivity)', 'precision (PPV)', data, opts, [], 'step-before');
}
