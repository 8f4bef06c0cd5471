import { EcgInputError } from '../common';
import { baseSpec, checkFsHz, checkNonEmpty, roundTo, type ChartOptions, type VlSpec } from './chart-frame';

/** One classified beat. */
export interface BeatPrediction {
  beat: ArrayLike<number>;
  trueLabel: string;
  predictedLabel: string;
  /** Probability the model gave its predicted class, 0…1. */
  confidence: number;
}

/** Options of {@link samplePredictionsChart}. */
export interface SamplePredictionsOptions extends ChartOptions {
  /** With fsHz the x axis is time in ms from the R peak; without it, the sample index. */
  fsHz?: number;
  /** Index of the R peak in each window (default floor(length / 2)). */
  rPeakIndex?: number;
  /** Panels per row (default 4). */
  columns?: number;
  /** Amplitude axis title (default 'amplitude (mV)'). */
  amplitudeTitle?: string;
}

const WHERE = 'samplePredictionsChart';

/**
 * The panel title of one prediction: its position, true and predicted class and confidence.
 *
 * @example predictionTitle({ beat: [], trueLabel: 'N', predictedLabel: 'V', confidence: 0.934 }, 2) // => '3. true N · pred V (0.93)'
 */
export function predictionTitle(p: BeatPrediction, index: number): string {
  return `${index + 1}. true ${p.trueLabel} · pred ${p.predictedLabel} (${p.confidence.toFixed(2)})`;
}

/**
 * Sample predictions as small multiples: one beat per panel, titled with its true and predicted
 * class and the model's confidence, drawn green when right and red when wrong.
 *
 * @throws EcgInputError for an empty list or a confidence outside 0…1.
 * @example samplePredictionsChart([{ beat: [0, 1, 0], trueLabel: 'N', predictedLabel: 'N', confidence: 0.9 }]).data.values[0].panel // => '1. true N · pred N (0.90)'
 */
export function samplePredictionsChart(
  predictions: readonly BeatPrediction[],
  opts: SamplePredictionsOptions = {},
): VlSpec {
  checkNonEmpty(predictions, WHERE, 'predictions');
  const fsHz = opts.fsHz === undefined ? undefined : checkFsHz(opts.fsHz, WHERE);
  const rows: Record<string, string | number>[] = [];
  const panels: string[] = [];
  predictions.forEach((p, k) => {
    if (!(p.confidence >= 0 && p.confidence <= 1)) {
      throw new EcgInputError(
        `confidence ${p.confidence}`,
        { file: WHERE, at: `prediction ${k}` },
        'a probability between 0 and 1',
      );
    }
    const panel = predictionTitle(p, k);
    panels.push(panel);
    const r = opts.rPeakIndex ?? Math.floor(p.beat.length / 2);
    const outcome = p.trueLabel === p.predictedLabel ? 'correct' : 'wrong';
    for (let j = 0; j < p.beat.length; j++) {
      const x = fsHz === undefined ? j : roundTo(((j - r) * 1000) / fsHz, 3);
      rows.push({ panel, outcome, x, y: roundTo(p.beat[j], 4) });
    }
  });
  return {
    ...baseSpec('Sample predictions', opts),
    data: { values: rows },
    facet: { field: 'panel', type: 'nominal', title: null, sort: panels, header: { labelFontSize: 11 } },
    columns: opts.columns ?? 4,
    spec: {
      width: opts.width ?? 170,
      height: opts.height ?? 110,
      mark: { type: 'line', strokeWidth: 1.2 },
      encoding: {
        x: {
          field: 'x',
          type: 'quantitative',
          title: fsHz === undefined ? 'sample' : 'time from R peak (ms)',
          scale: { nice: false },
        },
        y: { field: 'y', type: 'quantitative', title: opts.amplitudeTitle ?? 'amplitude (mV)', scale: { zero: false } },
        color: {
          field: 'outcome',
          type: 'nominal',
          title: 'prediction',
          scale: { domain: ['correct', 'wrong'], range: ['#2ca02c', '#d62728'] },
        },
      },
    },
  };
}
