import { EcgInputError } from '../common';
import { baseSpec, checkFsHz, roundTo, type ChartOptions, type VlSpec } from './chart-frame';
import { minMaxDownsample } from './min-max-downsample';

/** Two versions of the same stretch of signal. */
export interface FilterOverlayInput {
  /** Unfiltered samples in mV. */
  raw: ArrayLike<number>;
  /** Filtered samples in mV, same length and rate as `raw`. */
  filtered: ArrayLike<number>;
  fsHz: number;
  /** Time of sample 0 in s (default 0). */
  startSec?: number;
}

/** Options of {@link filterOverlayChart}. */
export interface FilterOverlayOptions extends ChartOptions {
  /** Legend names of the two traces (default 'raw' and 'filtered'). */
  names?: [string, string];
  /** Min/max buckets per trace (default: width, i.e. one per pixel). */
  maxBuckets?: number;
}

const WHERE = 'filterOverlayChart';

/**
 * Raw and filtered signal overlaid on one time axis (s), raw in light grey under the filtered
 * trace, each reduced to the min and max per pixel column when long.
 *
 * @throws EcgInputError when the two signals differ in length or fsHz is not positive.
 * @example filterOverlayChart({ raw: [0, 1, 0], filtered: [0, 0.5, 0], fsHz: 360 }).data.values.length // => 6
 */
export function filterOverlayChart(input: FilterOverlayInput, opts: FilterOverlayOptions = {}): VlSpec {
  const fsHz = checkFsHz(input.fsHz, WHERE);
  const { raw, filtered } = input;
  if (raw.length !== filtered.length || raw.length === 0) {
    throw new EcgInputError(
      `raw has ${raw.length} samples, filtered ${filtered.length}`,
      { file: WHERE, at: 'key filtered' },
      'two non-empty signals of equal length',
    );
  }
  const startSec = input.startSec ?? 0;
  const width = opts.width ?? 900;
  const [rawName, filteredName] = opts.names ?? ['raw', 'filtered'];
  const rows: { t: number; mV: number; signal: string }[] = [];
  for (const [name, signal] of [
    [rawName, raw],
    [filteredName, filtered],
  ] as const) {
    for (const i of minMaxDownsample(signal, opts.maxBuckets ?? width)) {
      rows.push({ t: roundTo(startSec + i / fsHz, 5), mV: roundTo(signal[i], 4), signal: name });
    }
  }
  const color = {
    field: 'signal',
    type: 'nominal',
    title: null,
    scale: { domain: [rawName, filteredName], range: ['#b0b0b0', '#1f77b4'] },
    legend: { orient: 'top', direction: 'horizontal' },
  };
  const encoding = {
    x: { field: 't', type: 'quantitative', title: 'time (s)', scale: { nice: false } },
    y: { field: 'mV', type: 'quantitative', title: 'amplitude (mV)', scale: { zero: false } },
    color,
  };
  // One layer per trace, raw first, so the filtered trace is drawn on top of it.
  const layer = [rawName, filteredName].map((name) => ({
    transform: [{ filter: { field: 'signal', equal: name } }],
    mark: { type: 'line', strokeWidth: 1 },
    encoding,
  }));
  return {
    ...baseSpec('Raw vs filtered signal', opts),
    width,
    height: opts.height ?? 220,
    data: { values: rows },
    layer,
  };
}
