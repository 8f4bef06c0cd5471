import { EcgInputError } from '../common';
import { baseSpec, checkNonEmpty, roundTo, type ChartOptions, type VlSpec } from './chart-frame';
import type { SweepResult } from './sweep-charts';

/** Options of {@link parallelCoordinatesChart}. */
export interface ParallelCoordinatesOptions extends ChartOptions {
  /** The swept parameters, one vertical axis each, left to right. */
  params: string[];
  /** The result: the last axis, and the colour of each trial's line. */
  metric: string;
  /** Parameters drawn on a log scale (learning rates, regularisation strengths). */
  logParams?: string[];
}

/** Where a value sits on its axis (0 bottom, 1 top) and how it is labelled. */
function axisPositions(values: unknown[], log: boolean, name: string): { pos: number[]; labels: string[] } {
  const labels = values.map((v) => (typeof v === 'number' ? String(roundTo(v, 6)) : String(v)));
  if (values.every((v) => typeof v === 'number')) {
    const xs = (values as number[]).map((v) => {
      if (log && !(v > 0))
        throw new EcgInputError(`${v} on a log axis`, { file: 'parallelCoordinatesChart', at: name }, 'values > 0');
      return log ? Math.log10(v) : v;
    });
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    return { pos: xs.map((x) => (hi > lo ? (x - lo) / (hi - lo) : 0.5)), labels };
  }
  // Categories (strings, booleans) evenly spaced in sorted order.
  const cats = [...new Set(labels)].sort();
  return { pos: labels.map((l) => (cats.length > 1 ? cats.indexOf(l) / (cats.length - 1) : 0.5)), labels };
}

/**
 * A sweep's trials as parallel coordinates: one vertical axis per parameter and one for the metric,
 * one line per trial coloured by the metric, so that the settings of the good trials stand out.
 * Each axis spans its own values (numbers linearly or on a log scale, categories evenly spaced) and
 * is labelled with them.
 *
 * @throws EcgInputError when a result lacks a numeric metric or a parameter.
 * @example parallelCoordinatesChart([{ lr: 0.001, f1: 0.7 }, { lr: 0.01, f1: 0.8 }], { params: ['lr'], metric: 'f1' }).layer.length // => 3
 */
export function parallelCoordinatesChart(results: readonly SweepResult[], opts: ParallelCoordinatesOptions): VlSpec {
  checkNonEmpty(results, 'parallelCoordinatesChart', 'results');
  const axes = [...opts.params, opts.metric];
  results.forEach((r, i) => {
    for (const a of axes) {
      const v = r[a];
      const ok = a === opts.metric ? typeof v === 'number' && Number.isFinite(v) : v !== undefined && v !== null;
      if (!ok)
        throw new EcgInputError(
          `${a} is ${String(v)}`,
          { file: 'parallelCoordinatesChart', at: `result ${i}` },
          a === opts.metric ? `a number in field ${a}` : `a value in field ${a}`,
        );
    }
  });
  const columns = axes.map((a) =>
    axisPositions(
      results.map((r) => r[a]),
      (opts.logParams ?? []).includes(a),
      a,
    ),
  );
  const values = results.flatMap((r, trial) =>
    axes.map((axis, k) => ({
      trial,
      axis,
      pos: roundTo(columns[k].pos[trial], 8),
      label: columns[k].labels[trial],
      metric: roundTo(r[opts.metric] as number, 8),
    })),
  );
  const x = { field: 'axis', type: 'nominal', sort: axes, title: null, axis: { labelAngle: 0, labelLimit: 0 } };
  const y = { field: 'pos', type: 'quantitative', axis: null, scale: { domain: [0, 1] } };
  return {
    ...baseSpec(`Sweep: ${opts.metric} by parameter`, opts),
    width: opts.width ?? Math.max(240, 150 * axes.length),
    height: opts.height ?? 240,
    data: { values },
    layer: [
      { mark: { type: 'rule', color: '#bbb' }, encoding: { x } },
      {
        mark: { type: 'line', opacity: 0.8, strokeWidth: 2 },
        encoding: {
          x,
          y,
          detail: { field: 'trial', type: 'nominal' },
          color: { field: 'metric', type: 'quantitative', title: opts.metric, scale: { scheme: 'viridis' } },
          tooltip: [
            { field: 'axis', type: 'nominal' },
            { field: 'label', type: 'nominal', title: 'value' },
            { field: 'metric', type: 'quantitative', title: opts.metric },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#333' },
        encoding: { x, y, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}
