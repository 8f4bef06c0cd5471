import { EcgInputError } from '../common';
import { baseSpec, checkNonEmpty, type ChartOptions, type VlSpec } from './chart-frame';

/** One figure to plot: a value with an optional 95 % interval, on the `label` axis, coloured by `group`. */
export interface IntervalPoint {
  label: string;
  value: number;
  lo?: number | null;
  hi?: number | null;
  group?: string;
}

/** Options of {@link intervalChart}. */
export interface IntervalChartOptions extends ChartOptions {
  /** Value axis title (default 'value'). */
  valueTitle?: string;
  /** Category axis title (default 'figure'). */
  labelTitle?: string;
  /** Value axis domain, e.g. [0, 100] for percentages. */
  domain?: [number, number];
}

const WHERE = 'intervalChart';

/**
 * Points with 95 % error bars (e.g. per-class Se and +P with their record-bootstrap intervals),
 * groups (e.g. protocols) side by side within each label and told apart by colour; a point without
 * an interval is drawn alone.
 *
 * @example intervalChart([{ label: 'S Se', value: 78.2, lo: 61, hi: 90, group: 'inter-patient' }]).layer.length // => 2
 * @throws EcgInputError for an empty input, a non-finite value or an interval that does not contain its value
 */
export function intervalChart(points: readonly IntervalPoint[], opts: IntervalChartOptions = {}): VlSpec {
  checkNonEmpty(points, WHERE, 'points');
  const values = points.map((p, i) => {
    if (!Number.isFinite(p.value))
      throw new EcgInputError(`value ${String(p.value)}`, { file: WHERE, at: `point ${i}` }, 'a finite number');
    const has = p.lo !== undefined && p.lo !== null && p.hi !== undefined && p.hi !== null;
    if (has && !(p.lo! <= p.value + 1e-9 && p.value <= p.hi! + 1e-9))
      throw new EcgInputError(
        `interval [${p.lo}, ${p.hi}] for value ${p.value}`,
        { file: WHERE, at: `point ${i} (${p.label})` },
        'lo <= value <= hi',
      );
    return { label: p.label, group: p.group ?? '', value: p.value, lo: has ? p.lo : null, hi: has ? p.hi : null };
  });
  const labels = [...new Set(values.map((v) => v.label))];
  const grouped = values.some((v) => v.group !== '');
  const x = {
    field: 'label',
    type: 'nominal',
    title: opts.labelTitle ?? 'figure',
    sort: labels,
    axis: { labelAngle: 0 },
  };
  const color = grouped ? { field: 'group', type: 'nominal', title: null } : { value: '#4c78a8' };
  const xOffset = grouped ? { field: 'group', type: 'nominal' } : undefined;
  const scale = opts.domain ? { domain: opts.domain } : { zero: false };
  return {
    ...baseSpec('Figures with 95 % intervals', opts),
    width: Math.max(240, labels.length * (grouped ? 70 : 40)),
    height: 240,
    data: { values },
    encoding: { x, ...(xOffset ? { xOffset } : {}), color },
    layer: [
      {
        transform: [{ filter: 'datum.lo !== null' }],
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: {
          y: { field: 'lo', type: 'quantitative', title: opts.valueTitle ?? 'value', scale },
          y2: { field: 'hi' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 50 },
        encoding: {
          y: { field: 'value', type: 'quantitative', title: opts.valueTitle ?? 'value', scale },
          tooltip: [
            { field: 'label', type: 'nominal' },
            ...(grouped ? [{ field: 'group', type: 'nominal' }] : []),
            { field: 'value', type: 'quantitative', format: '.1f' },
            { field: 'lo', type: 'quantitative', title: '95 % low', format: '.1f' },
            { field: 'hi', type: 'quantitative', title: '95 % high', format: '.1f' },
          ],
        },
      },
    ],
  };
}
