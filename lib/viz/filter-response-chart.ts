import { EcgInputError } from '../common';
import { baseSpec, roundTo, type ChartOptions, type VlSpec } from './chart-frame';

/** One frequency response on a grid, as signal's `filterResponse` returns it (plain arrays suffice). */
export interface FilterResponseCurve {
  fHz: ArrayLike<number>;
  /** 20·log10 |H|; −Infinity (H = 0) is left out of the plot. */
  magnitudeDb: ArrayLike<number>;
  /** Unwrapped phase in radians (plotted in degrees). */
  phaseRad: ArrayLike<number>;
}

/** The two ways of running one filter, as signal's `filterResponses` returns them. */
export interface FilterResponseChartInput {
  /** The filter run once, forward (causal). */
  onePass: FilterResponseCurve;
  /** The filter run forward and backward (zero phase). */
  zeroPhase: FilterResponseCurve;
}

/** Options of {@link filterResponseChart}. */
export interface FilterResponseChartOptions extends ChartOptions {
  /** Highest frequency shown in Hz (default: the whole grid). */
  maxHz?: number;
  /** Lowest magnitude shown in dB; lower values are left out (default −60). */
  minDb?: number;
  /** Frequencies marked by a dotted vertical rule in both panels, e.g. the band edges. */
  markHz?: number[];
  /** Legend names of the two curves (default 'one pass (causal)', 'zero phase (forward–backward)'). */
  names?: [string, string];
}

const WHERE = 'filterResponseChart';

/**
 * Magnitude (dB) above phase (degrees) against frequency for a filter run once and run forward
 * and backward, in two panels that share the frequency axis: the forward-backward curve has the
 * squared magnitude (twice the dB) and a flat zero phase.
 *
 * @example filterResponseChart(filterResponses(butter(2, [0.5, 40], 360, 'bandpass'), 360)).vconcat.length // => 2
 * @throws EcgInputError when a curve's arrays differ in length or are empty, or minDb/maxHz is not finite
 */
export function filterResponseChart(input: FilterResponseChartInput, opts: FilterResponseChartOptions = {}): VlSpec {
  const minDb = opts.minDb ?? -60;
  const maxHz = opts.maxHz ?? Infinity;
  if (!Number.isFinite(minDb))
    throw new EcgInputError(`minDb ${minDb}`, { file: WHERE, at: 'option minDb' }, 'a finite number of dB');
  if (!(maxHz > 0))
    throw new EcgInputError(`maxHz ${maxHz}`, { file: WHERE, at: 'option maxHz' }, 'a positive frequency');
  const names = opts.names ?? ['one pass (causal)', 'zero phase (forward–backward)'];
  const rows: { f: number; db: number | null; deg: number; filtering: string }[] = [];
  (['onePass', 'zeroPhase'] as const).forEach((key, c) => {
    const curve = input[key];
    const n = curve.fHz.length;
    if (n === 0 || curve.magnitudeDb.length !== n || curve.phaseRad.length !== n) {
      throw new EcgInputError(
        `fHz ${n}, magnitudeDb ${curve.magnitudeDb.length}, phaseRad ${curve.phaseRad.length} values`,
        { file: WHERE, at: `key ${key}` },
        'three non-empty arrays of equal length',
      );
    }
    for (let k = 0; k < n; k++) {
      const f = curve.fHz[k];
      if (f > maxHz) break;
      const db = curve.magnitudeDb[k];
      rows.push({
        f: roundTo(f, 4),
        db: Number.isFinite(db) && db >= minDb ? roundTo(db, 3) : null,
        deg: roundTo((curve.phaseRad[k] * 180) / Math.PI, 2),
        filtering: names[c],
      });
    }
  });
  const width = opts.width ?? 640;
  const height = opts.height ?? 180;
  const xMax = Math.min(maxHz, Math.max(...rows.map((r) => r.f)));
  const x = { field: 'f', type: 'quantitative', title: 'frequency (Hz)', scale: { domain: [0, xMax], nice: false } };
  const color = {
    field: 'filtering',
    type: 'nominal',
    title: null,
    scale: { domain: names, range: ['#d62728', '#1f77b4'] },
    legend: { orient: 'top', direction: 'horizontal' },
  };
  // Same field, title and legend as the colour, so Vega-Lite draws one legend with both channels.
  const strokeDash = {
    ...color,
    scale: {
      domain: names,
      range: [
        [1, 0],
        [6, 3],
      ],
    },
  };
  const shownDb = rows.flatMap((r) => (r.db === null ? [] : [r.db]));
  const dbFloor = shownDb.length > 0 ? Math.min(...shownDb) : minDb;
  const marks = (opts.markHz ?? []).filter((f) => f <= xMax).map((f) => ({ f }));
  const panel = (y: Record<string, unknown>, filter: string) => ({
    width,
    height,
    layer: [
      {
        transform: [{ filter }],
        mark: { type: 'line', strokeWidth: 1.8 },
        encoding: { x, y, color, strokeDash },
      },
      ...(marks.length > 0
        ? [
            {
              data: { values: marks },
              mark: { type: 'rule', strokeDash: [2, 3], color: '#777' },
              encoding: { x: { field: 'f', type: 'quantitative' } },
            },
          ]
        : []),
    ],
  });
  return {
    ...baseSpec('Filter frequency response', opts),
    data: { values: rows },
    vconcat: [
      panel(
        {
          field: 'db',
          type: 'quantitative',
          title: 'magnitude (dB)',
          scale: { domain: [Math.floor(dbFloor), 3], clamp: true },
        },
        'datum.db !== null',
      ),
      panel({ field: 'deg', type: 'quantitative', title: 'phase (degrees)' }, 'true'),
    ],
    spacing: 12,
  };
}
