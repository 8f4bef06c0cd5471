import { EcgInputError } from '../common';
import { baseSpec, checkNonEmpty, type ChartOptions, type VlSpec } from './chart-frame';

/** One bar: a class's count, optionally within a group (e.g. the split: 'train', 'test'). */
export interface ClassCount {
  label: string;
  count: number;
  group?: string;
}

/** Options of {@link classDistributionChart}. */
export interface ClassDistributionOptions extends ChartOptions {
  /** Log-scaled count axis, for MIT-BIH's ~90 % normal beats; zero counts keep an empty slot. */
  logScale?: boolean;
  /** Bar order: as given (default) or by descending total count. */
  sort?: 'input' | 'count';
  /** Axis title of the class axis (default 'class'). */
  classTitle?: string;
}

const WHERE = 'classDistributionChart';

/**
 * Bar chart of counts per class, each bar labelled with its count (and its share in the
 * tooltip); with `group` on the rows, bars of the same class stand side by side per group.
 *
 * @throws EcgInputError for an empty input or a negative / non-finite count.
 * @example classDistributionChart({ N: 90, V: 10 }, { logScale: true }).layer.length // => 2
 */
export function classDistributionChart(
  counts: Record<string, number> | readonly ClassCount[],
  opts: ClassDistributionOptions = {},
): VlSpec {
  const rows: ClassCount[] = Array.isArray(counts)
    ? (counts as readonly ClassCount[]).map((r) => ({ ...r }))
    : Object.entries(counts as Record<string, number>).map(([label, count]) => ({ label, count }));
  checkNonEmpty(rows, WHERE, 'counts');
  rows.forEach((r, i) => {
    if (!(Number.isFinite(r.count) && r.count >= 0)) {
      throw new EcgInputError(
        `count ${String(r.count)} for class ${r.label}`,
        { file: WHERE, at: `row ${i}` },
        'a non-negative number',
      );
    }
  });
  const grouped = rows.some((r) => r.group !== undefined);
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.label, (totals.get(r.label) ?? 0) + r.count);
  let classes = [...totals.keys()];
  if (opts.sort === 'count') classes = classes.sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0));
  // Share within the group (or overall), for the tooltip.
  const groupTotal = new Map<string, number>();
  for (const r of rows) groupTotal.set(r.group ?? '', (groupTotal.get(r.group ?? '') ?? 0) + r.count);
  const values = rows.map((r) => ({
    ...r,
    group: r.group ?? '',
    share: groupTotal.get(r.group ?? '') ? r.count / (groupTotal.get(r.group ?? '') ?? 1) : 0,
  }));

  const x = {
    field: 'label',
    type: 'nominal',
    title: opts.classTitle ?? 'class',
    sort: classes,
    scale: { domain: classes },
    axis: { labelAngle: 0 },
  };
  const y = {
    field: 'count',
    type: 'quantitative',
    title: opts.logScale ? 'count (log scale)' : 'count',
    scale: opts.logScale ? { type: 'log' } : { type: 'linear' },
    // Stacking would start every bar at 0, which a log scale cannot place.
    stack: null,
  };
  const tooltip = [
    { field: 'label', type: 'nominal', title: 'class' },
    ...(grouped ? [{ field: 'group', type: 'nominal' }] : []),
    { field: 'count', type: 'quantitative', format: ',d' },
    { field: 'share', type: 'quantitative', format: '.1%' },
  ];
  const groupEnc = grouped
    ? { xOffset: { field: 'group', type: 'nominal' }, color: { field: 'group', type: 'nominal', title: null } }
    : {};
  const groupCount = new Set(rows.map((r) => r.group ?? '')).size;
  const height = opts.height ?? 240;
  // log(0) is undefined: zero counts keep their slot on the x axis and get a '0' on the baseline.
  const positive = opts.logScale ? [{ filter: 'datum.count > 0' }] : [];
  const layer: Record<string, unknown>[] = [
    { transform: positive, mark: { type: 'bar', color: '#4c78a8' }, encoding: { x, y, ...groupEnc, tooltip } },
    {
      transform: positive,
      mark: { type: 'text', dy: -4, baseline: 'bottom', fontSize: 10 },
      encoding: {
        x,
        y,
        ...(grouped ? { xOffset: groupEnc.xOffset } : {}),
        text: { field: 'count', type: 'quantitative', format: ',d' },
      },
    },
  ];
  if (opts.logScale && rows.some((r) => r.count === 0)) {
    layer.push({
      transform: [{ filter: 'datum.count === 0' }],
      mark: { type: 'text', baseline: 'bottom', dy: -2, fontSize: 10 },
      encoding: { x, y: { value: height }, ...(grouped ? { xOffset: groupEnc.xOffset } : {}), text: { value: '0' } },
    });
  }
  return {
    ...baseSpec('Class distribution', opts),
    width: opts.width ?? Math.max(200, classes.length * Math.max(45, 38 * groupCount)),
    height,
    data: { values },
    layer,
  };
}
