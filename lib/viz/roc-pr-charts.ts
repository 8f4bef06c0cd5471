import { EcgInputError } from '../common';
import { stepAveragePrecision, thinCurve, trapezoidAuc } from '../evaluation';
import { baseSpec, checkNonEmpty, roundTo, type ChartOptions, type VlSpec } from './chart-frame';

/**
 * One class's ROC curve (one-vs-rest); `{ label, ...rocCurve(positive, scores) }` from lib/evaluation
 * fits as is.
 */
export interface RocSeries {
  label: string;
  fpr: ArrayLike<number>;
  tpr: ArrayLike<number>;
  /**
   * Area under the curve, best taken from lib/evaluation (computed on every point); when absent it is
   * computed by trapezoids over the points given, which underestimates on a thinned curve.
   * null (class absent) shows as 'n/a'.
   */
  auc?: number | null;
}

/**
 * One class's precision–recall curve (one-vs-rest); `{ label, ...precisionRecallCurve(positive,
 * scores) }` from lib/evaluation fits as is.
 */
export interface PrSeries {
  label: string;
  recall: ArrayLike<number>;
  precision: ArrayLike<number>;
  /** Average precision (or under lib/evaluation's name, `averagePrecision`); computed step-wise from the points when absent; null shows as 'n/a'. */
  ap?: number | null;
  averagePrecision?: number | null;
}

/**
 * Thins a curve drawn as steps ('step-before', x ascending: over (xₖ₋₁, xₖ] the value is yₖ):
 * drops the points whose removal leaves the drawing unchanged (same value as the next interval,
 * or an empty interval), then, if still too many, keeps evenly spaced points and both ends.
 * lib/evaluation's thinCurve drops collinear points, which is exact for lines but not for steps.
 */
function thinSteps(x: readonly number[], y: readonly number[], maxPoints: number): { x: number[]; y: number[] } {
  const keep: number[] = [];
  for (let k = 0; k < x.length; k++) {
    if (Number.isNaN(x[k]) || Number.isNaN(y[k])) continue;
    const p = keep[keep.length - 1];
    if (p !== undefined && k < x.length - 1 && !Number.isNaN(y[k + 1])) {
      // Same value as the next interval, or a stop inside a vertical run at the same x.
      const sameAsNext = y[k] === y[k + 1];
      const insideVertical = x[k] === x[p] && y[k] <= Math.max(y[p], y[k + 1]) && y[k] >= Math.min(y[p], y[k + 1]);
      if (sameAsNext || insideVertical) continue;
    }
    keep.push(k);
  }
  const picked =
    keep.length <= maxPoints
      ? keep
      : Array.from({ length: maxPoints }, (_, j) => keep[Math.round((j * (keep.length - 1)) / (maxPoints - 1))]);
  return { x: picked.map((i) => x[i]), y: picked.map((i) => y[i]) };
}

// Per curve: plenty for a 300-px plot, and a spec of a few classes stays under ~100 kB.
const MAX_POINTS = 500;

interface CurveRows {
  rows: { curve: string; i: number; x: number; y: number }[];
  names: string[];
}

/**
 * Long-format rows of several curves, each sorted by x (ties: by y ascending for ROC, which
 * rises at a fixed fpr; descending for PR, drawn as steps, which fall at a fixed recall) and
 * thinned (lines with lib/evaluation's thinCurve, steps with thinSteps).
 */
function curveRows(
  curves: readonly { label: string; x: ArrayLike<number>; y: ArrayLike<number>; score: number | null; what: string }[],
  where: string,
  steps: boolean,
): CurveRows {
  const tieSign = steps ? -1 : 1;
  checkNonEmpty(curves, where, 'curves');
  const rows: CurveRows['rows'] = [];
  const names: string[] = [];
  for (const c of curves) {
    if (c.x.length !== c.y.length || c.x.length === 0) {
      throw new EcgInputError(
        `curve ${c.label} has ${c.x.length} and ${c.y.length} coordinates`,
        { file: where, at: `class ${c.label}` },
        'two non-empty arrays of equal length',
      );
    }
    const name = `${c.label} (${c.what} ${c.score === null || Number.isNaN(c.score) ? 'n/a' : c.score.toFixed(3)})`;
    names.push(name);
    const order = Array.from({ length: c.x.length }, (_, i) => i).sort(
      (a, b) => c.x[a] - c.x[b] || tieSign * (c.y[a] - c.y[b]),
    );
    const xs = order.map((i) => c.x[i]);
    const ys = order.map((i) => c.y[i]);
    const thinned = steps ? thinSteps(xs, ys, MAX_POINTS) : thinCurve(xs, ys, MAX_POINTS);
    thinned.x.forEach((x, k) => rows.push({ curve: name, i: k, x: roundTo(x, 5), y: roundTo(thinned.y[k], 5) }));
  }
  return { rows, names };
}

function curveSpec(
  title: string,
  xTitle: string,
  yTitle: string,
  { rows, names }: CurveRows,
  opts: ChartOptions,
  extra: Record<string, unknown>[],
  interpolate: string,
): VlSpec {
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
          color: {
            field: 'curve',
            type: 'nominal',
            title: 'class',
            scale: { domain: names },
            legend: { orient: 'right' },
          },
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
export function rocChart(curves: readonly RocSeries[], opts: ChartOptions = {}): VlSpec {
  const data = curveRows(
    curves.map((c) => ({
      label: c.label,
      x: c.fpr,
      y: c.tpr,
      score: c.auc === undefined ? trapezoidAuc(c.fpr, c.tpr) : c.auc,
      what: 'AUC',
    })),
    'rocChart',
    false,
  );
  const chance = {
    data: {
      values: [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ],
    },
    mark: { type: 'line', strokeDash: [4, 4], color: '#aaa', strokeWidth: 1 },
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
  };
  return curveSpec(
    'ROC curves (one-vs-rest)',
    'false positive rate',
    'true positive rate (sensitivity)',
    data,
    opts,
    [chance],
    'linear',
  );
}

/**
 * Precision–recall curves, one per class (one-vs-rest), drawn as steps, with each class's
 * average precision in the legend — the honest view for rare classes, where ROC looks flattering.
 *
 * @throws EcgInputError for an empty list or a curve whose recall and precision differ in length.
 * @example prChart([{ label: 'V', recall: [0.5, 1], precision: [1, 0.5] }]).layer[0].data.values[0].curve // => 'V (AP 0.750)'
 */
export function prChart(curves: readonly PrSeries[], opts: ChartOptions = {}): VlSpec {
  const given = (c: PrSeries): number | null | undefined => (c.ap !== undefined ? c.ap : c.averagePrecision);
  const data = curveRows(
    curves.map((c) => ({
      label: c.label,
      x: c.recall,
      y: c.precision,
      score: given(c) === undefined ? stepAveragePrecision(c.recall, c.precision) : (given(c) as number | null),
      what: 'AP',
    })),
    'prChart',
    true,
  );
  // Drawn as steps: between two recalls the curve holds the precision of the higher one, exactly
  // the rectangles average precision sums (a straight line would overstate the area).
  return curveSpec(
    'Precision–recall curves (one-vs-rest)',
    'recall (sensitivity)',
    'precision (PPV)',
    data,
    opts,
    [],
    'step-before',
  );
}
