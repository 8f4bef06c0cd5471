import { EcgInputError } from '../common';
import { baseSpec, checkFsHz, checkNonEmpty, roundTo, type ChartOptions, type VlSpec } from './chart-frame';

/** Sample beats of one class, all windows of the same length. */
export interface ClassBeats {
  label: string;
  beats: readonly ArrayLike<number>[];
}

/** Options of {@link beatGalleryChart}. */
export interface BeatGalleryOptions extends ChartOptions {
  /** With fsHz the x axis is time in ms relative to the R peak; without it, the sample index. */
  fsHz?: number;
  /** Index of the R peak within each window (default: the window's middle, floor(length / 2)). */
  rPeakIndex?: number;
  /** 'facet' (default): one panel per class; 'overlay': all classes in one panel. */
  layout?: 'facet' | 'overlay';
  /** Panels per row in the facet layout (default 4). */
  columns?: number;
  /** Amplitude axis title (default 'amplitude (mV)'; say 'z-score' for normalised beats). */
  amplitudeTitle?: string;
}

/** Per-sample mean and sample standard deviation over beats of one class. */
export interface BeatBand {
  mean: Float64Array;
  sd: Float64Array;
}

const WHERE = 'beatGalleryChart';

/**
 * Mean and sample standard deviation (n − 1; 0 for a single beat) at every sample of equally
 * long beat windows.
 *
 * @throws EcgInputError when the beats differ in length or there are none.
 * @example Array.from(beatBand([[0, 2], [2, 4]]).sd) // => [1.4142135623730951, 1.4142135623730951]
 */
export function beatBand(beats: readonly ArrayLike<number>[], where = 'beatBand'): BeatBand {
  checkNonEmpty(beats, where, 'beats');
  const len = beats[0].length;
  const mean = new Float64Array(len);
  const sd = new Float64Array(len);
  beats.forEach((b, k) => {
    if (b.length !== len)
      throw new EcgInputError(
        `beat ${k} has ${b.length} samples`,
        { file: where, at: `beat ${k}` },
        `${len} samples like beat 0`,
      );
    for (let j = 0; j < len; j++) mean[j] += b[j] / beats.length;
  });
  if (beats.length > 1) {
    for (const b of beats) for (let j = 0; j < len; j++) sd[j] += (b[j] - mean[j]) ** 2;
    for (let j = 0; j < len; j++) sd[j] = Math.sqrt(sd[j] / (beats.length - 1));
  }
  return { mean, sd };
}

/**
 * Beat gallery: per class, the mean beat as a line over a mean ± 1 sd band, one panel (or one
 * colour) per class, panels titled with the class and its number of beats.
 *
 * @throws EcgInputError when a class has no beats or beats of differing lengths.
 * @example beatGalleryChart([{ label: 'N', beats: [[0, 1, 0], [0, 3, 0]] }]).data.values[1] // => { class: 'N', panel: 'N (n=2)', x: 1, mean: 2, lo: 0.5858, hi: 3.4142 }
 */
export function beatGalleryChart(groups: readonly ClassBeats[], opts: BeatGalleryOptions = {}): VlSpec {
  checkNonEmpty(groups, WHERE, 'groups');
  const fsHz = opts.fsHz === undefined ? undefined : checkFsHz(opts.fsHz, WHERE);
  const rows: Record<string, string | number>[] = [];
  const panels: string[] = [];
  for (const g of groups) {
    const { mean, sd } = beatBand(g.beats, `${WHERE} class ${g.label}`);
    const r = opts.rPeakIndex ?? Math.floor(mean.length / 2);
    const panel = `${g.label} (n=${g.beats.length})`;
    panels.push(panel);
    for (let j = 0; j < mean.length; j++) {
      const x = fsHz === undefined ? j : roundTo(((j - r) * 1000) / fsHz, 3);
      rows.push({
        class: g.label,
        panel,
        x,
        mean: roundTo(mean[j], 4),
        lo: roundTo(mean[j] - sd[j], 4),
        hi: roundTo(mean[j] + sd[j], 4),
      });
    }
  }
  const labels = groups.map((g) => g.label);
  const xEnc = {
    field: 'x',
    type: 'quantitative',
    title: fsHz === undefined ? 'sample' : 'time from R peak (ms)',
    scale: { nice: false },
  };
  const overlay = opts.layout === 'overlay';
  // Panels are already titled by class; the legend is only needed when classes share a panel.
  const color = {
    field: 'class',
    type: 'nominal',
    title: 'class',
    scale: { domain: labels },
    legend: overlay ? { symbolType: 'stroke', symbolStrokeWidth: 2, symbolOpacity: 1 } : null,
  };
  const layer = [
    {
      mark: { type: 'area', opacity: 0.25 },
      encoding: {
        x: xEnc,
        y: { field: 'lo', type: 'quantitative', title: opts.amplitudeTitle ?? 'amplitude (mV)' },
        y2: { field: 'hi' },
        color,
      },
    },
    {
      mark: { type: 'line', strokeWidth: 1.5 },
      encoding: { x: xEnc, y: { field: 'mean', type: 'quantitative' }, color },
    },
  ];
  const base = baseSpec('Beat gallery: mean ± 1 sd per class', opts);
  const width = opts.width ?? (overlay ? 420 : 180);
  const height = opts.height ?? (overlay ? 260 : 140);
  if (overlay) return { ...base, width, height, data: { values: rows }, layer };
  return {
    ...base,
    data: { values: rows },
    facet: {
      field: 'panel',
      type: 'nominal',
      title: null,
      sort: panels,
      header: { labelFontSize: 12, labelFontWeight: 'bold' },
    },
    columns: opts.columns ?? 4,
    spec: { width, height, layer },
  };
}
