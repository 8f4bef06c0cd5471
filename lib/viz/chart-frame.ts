import { EcgInputError } from '../common';

/** The Vega-Lite schema every builder writes (the installed vega-lite is v6). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * A Vega-Lite top-level specification as plain JSON. Kept loose on purpose: the builders are
 * checked against the real Vega-Lite JSON schema in the tests, which is stricter than any type
 * we could write here without importing the ESM-only package's types.
 */
export interface VlSpec {
  $schema: string;
  [key: string]: unknown;
}

/** Options every chart builder accepts. */
export interface ChartOptions {
  /** Main title; each builder has a sensible default. */
  title?: string;
  /** Second line under the title, e.g. the protocol and data that produced the figure. */
  subtitle?: string;
  /** A further line under the subtitle (kept separate so notebooks can add caveats). */
  note?: string;
  /** Marks the figure as drawn from synthetic data: "SYNTHETIC DATA" is put into the title. */
  synthetic?: boolean;
  /** Plot width in pixels (of one panel for faceted charts). */
  width?: number;
  /** Plot height in pixels (of one panel for faceted charts). */
  height?: number;
}

/** The words put into the title of charts drawn from synthetic data. */
export const SYNTHETIC_LABEL = 'SYNTHETIC DATA';

// Listed first so resvg and the browser pick the same face; vega only needs the name.
const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';

/**
 * Builds the Vega-Lite title block from a builder's default title and the caller's options
 * (subtitle, then note, then any lines the builder adds to explain its marks); synthetic charts get "SYNTHETIC DATA" in front of the title text and a red title.
 *
 * @example chartTitle('ECG strip', { synthetic: true, subtitle: 'record 100' }).text
 * // => 'SYNTHETIC DATA · ECG strip'
 */
export function chartTitle(
  defaultTitle: string,
  opts: ChartOptions = {},
  extraLines: string[] = [],
): Record<string, unknown> {
  const base = opts.title ?? defaultTitle;
  const text = opts.synthetic ? (base ? `${SYNTHETIC_LABEL} · ${base}` : SYNTHETIC_LABEL) : base;
  const lines = [opts.subtitle, opts.note, ...extraLines].filter((s): s is string => typeof s === 'string' && s !== '');
  const title: Record<string, unknown> = { text, anchor: 'start' };
  if (lines.length === 1) title.subtitle = lines[0];
  else if (lines.length > 1) title.subtitle = lines;
  if (opts.synthetic) title.color = '#b00020';
  return title;
}

/**
 * The part shared by every spec: schema, title, fonts and a white background (so PNGs and dark
 * notebook themes show the chart the same way).
 *
 * @example baseSpec('Losses', {}).$schema // => 'https://vega.github.io/schema/vega-lite/v6.json'
 */
export function baseSpec(defaultTitle: string, opts: ChartOptions = {}, extraLines: string[] = []): VlSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(defaultTitle, opts, extraLines),
    background: 'white',
    padding: 8,
    config: {
      font: FONT,
      view: { stroke: '#ddd' },
      // Labels measured at their true width sit close; keep 4 px between them or drop every other.
      axis: { labelFontSize: 11, titleFontSize: 12, labelSeparation: 4 },
      // Legend and header labels come from data ("3. true V · pred N (0.61)"): never cut them short.
      legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0 },
      header: { labelLimit: 0 },
      title: { fontSize: 14, subtitleFontSize: 11, subtitleColor: '#555' },
    },
  };
}

/**
 * Rounds to a fixed number of decimals, so inline data stays small and JSON stays readable.
 *
 * @example roundTo(0.123456, 3) // => 0.123
 */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/**
 * Checks that a sampling rate is a positive finite number.
 *
 * @throws EcgInputError when it is not.
 * @example checkFsHz(360, 'ecgStripChart') // => 360
 */
export function checkFsHz(fsHz: number, where: string): number {
  if (!(typeof fsHz === 'number' && Number.isFinite(fsHz) && fsHz > 0)) {
    throw new EcgInputError(
      `sampling rate ${String(fsHz)}`,
      { file: where, at: 'key fsHz' },
      'a positive number of Hz',
    );
  }
  return fsHz;
}

/**
 * Checks that a list of inputs is not empty (an empty chart hides a bug upstream).
 *
 * @throws EcgInputError when it is empty.
 * @example checkNonEmpty([1], 'classDistributionChart', 'counts') // => undefined
 */
export function checkNonEmpty(list: ArrayLike<unknown>, where: string, key: string): void {
  if (list.length === 0)
    throw new EcgInputError('nothing to plot', { file: where, at: `key ${key}` }, 'at least one item');
}
