import { EcgInputError } from '../common';
import { baseSpec, checkNonEmpty, roundTo, type ChartOptions, type VlSpec } from './chart-frame';

/** One configuration of a sweep with its result: `{ learningRate: 1e-3, filters: 16, macroF1: 0.81 }`. */
export type SweepResult = Record<string, number | string | boolean | null | undefined>;

/** Options of {@link sweepChart}. */
export interface SweepOptions extends ChartOptions {
  /** The swept parameter on the x axis. */
  x: string;
  /** The result on the y axis. */
  metric: string;
  /** A second parameter: one coloured line per value. */
  colorBy?: string;
  /** Log-scaled x axis (learning rates, regularisation strengths). */
  logX?: boolean;
  /** A field holding the metric's standard deviation (over folds or seeds), drawn as error bars. */
  sdField?: string;
}

/** Options of {@link sweepBarChart}. */
export interface SweepBarOptions extends ChartOptions {
  metric: string;
  /** Parameters that name a configuration (default: every field except the metric and sdField). */
  params?: string[];
  /** Best first: 'descending' (default, for scores) or 'ascending' (for losses and errors). */
  order?: 'descending' | 'ascending';
  sdField?: string;
}

function checkMetric(results: readonly SweepResult[], metric: string, where: string): void {
  checkNonEmpty(results, where, 'results');
  results.forEach((r, i) => {
    if (typeof r[metric] !== 'number' || !Number.isFinite(r[metric])) {
      throw new EcgInputError(
        `${metric} is ${String(r[metric])}`,
        { file: where, at: `result ${i}` },
        `a number in field ${metric}`,
      );
    }
  });
}

/** A field reference Vega-Lite reads literally: dots and brackets would otherwise mean nesting. */
function fieldRef(name: string): string {
  return name.replace(/[.[\]]/g, (c) => `\\${c}`);
}

function numberIfNumeric(v: unknown): unknown {
  return typeof v === 'number' ? roundTo(v, 8) : v;
}

/**
 * Hyperparameter sweep: the metric against one parameter (points joined by lines), one colour
 * per value of a second parameter, optional error bars from a standard-deviation field.
 *
 * @throws EcgInputError when a result lacks a numeric metric.
 * @example sweepChart([{ lr: 0.01, f1: 0.7 }, { lr: 0.001, f1: 0.8 }], { x: 'lr', metric: 'f1', logX: true }).encoding.x.scale.type // => 'log'
 */
export function sweepChart(results: readonly SweepResult[], opts: SweepOptions): VlSpec {
  checkMetric(results, opts.metric, 'sweepChart');
  const xNumeric = results.every((r) => typeof r[opts.x] === 'number');
  const values = results.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, numberIfNumeric(v)])));
  const x = xNumeric
    ? {
        field: fieldRef(opts.x),
        type: 'quantitative',
        title: opts.x,
        scale: opts.logX ? { type: 'log' } : { zero: false },
      }
    : { field: fieldRef(opts.x), type: 'ordinal', title: opts.x };
  const y = { field: fieldRef(opts.metric), type: 'quantitative', title: opts.metric, scale: { zero: false } };
  const color = opts.colorBy ? { color: { field: fieldRef(opts.colorBy), type: 'nominal', title: opts.colorBy } } : {};
  const tooltip = Object.keys(results[0]).map((k) => ({
    field: fieldRef(k),
    title: k,
    type: typeof results[0][k] === 'number' ? 'quantitative' : 'nominal',
  }));
  const layer: Record<string, unknown>[] = [
    { mark: { type: 'line', point: { size: 50 } }, encoding: { x, y, ...color, tooltip } },
  ];
  if (opts.sdField) {
    layer.push({
      transform: [
        { calculate: `datum['${opts.metric}'] - datum['${opts.sdField}']`, as: '_lo' },
        { calculate: `datum['${opts.metric}'] + datum['${opts.sdField}']`, as: '_hi' },
      ],
      mark: { type: 'rule' },
      encoding: { x, y: { field: '_lo', type: 'quantitative' }, y2: { field: '_hi' }, ...color },
    });
  }
  return {
    ...baseSpec(`Sweep: ${opts.metric} vs ${opts.x}`, opts),
    width: opts.width ?? 360,
    height: opts.height ?? 240,
    data: { values },
    ...(layer.length === 1 ? layer[0] : { layer }),
  };
}

/** The error-bar ends of a value ± sd (both the value itself without an sd). */
function spread(value: number, sd: unknown): { lo: number; hi: number } {
  const d = typeof sd === 'number' && Number.isFinite(sd) ? sd : 0;
  return { lo: roundTo(value - d, 8), hi: roundTo(value + d, 8) };
}

/**
 * Hyperparameter sweep as a sorted bar chart: one bar per configuration (named by its
 * parameters), best first, the metric printed at the end of each bar.
 *
 * @throws EcgInputError when a result lacks a numeric metric.
 * @example sweepBarChart([{ lr: 0.01, f1: 0.7 }, { lr: 0.001, f1: 0.8 }], { metric: 'f1' }).data.values[0].config // => 'lr=0.001'
 */
export function sweepBarChart(results: readonly SweepResult[], opts: SweepBarOptions): VlSpec {
  checkMetric(results, opts.metric, 'sweepBarChart');
  const params = opts.params ?? Object.keys(results[0]).filter((k) => k !== opts.metric && k !== opts.sdField);
  const sign = (opts.order ?? 'descending') === 'descending' ? -1 : 1;
  const values = results
    .map((r) => ({
      config: params.map((p) => `${p}=${String(r[p])}`).join(', '),
      value: roundTo(r[opts.metric] as number, 8),
      ...spread(r[opts.metric] as number, opts.sdField ? r[opts.sdField] : undefined),
    }))
    .sort((a, b) => sign * (a.value - b.value));
  const y = {
    field: 'config',
    type: 'nominal',
    title: null,
    sort: values.map((v) => v.config),
    axis: { labelLimit: 0 },
  };
  const x = { field: 'value', type: 'quantitative', title: opts.metric };
  const layer: Record<string, unknown>[] = [{ mark: { type: 'bar', color: '#4c78a8' }, encoding: { y, x } }];
  if (opts.sdField) {
    layer.push({
      mark: { type: 'rule', color: '#333' },
      encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
    });
  }
  // The value is printed past the end of the error bar (or of the bar), never over it.
  layer.push({
    mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
    encoding: {
      y,
      x: { field: 'hi', type: 'quantitative' },
      text: { field: 'value', type: 'quantitative', format: '.3f' },
    },
  });
  return {
    ...baseSpec(`Sweep: configurations by ${opts.metric}`, opts),
    width: opts.width ?? 320,
    height: opts.height ?? Math.max(80, 18 * values.length),
    data: { values },
    layer,
  };
}
