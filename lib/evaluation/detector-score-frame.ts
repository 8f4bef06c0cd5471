import { columnFrame, type DataFrame, type FrameColumn } from '../common';
import type { DetectorScore } from './score-detector';

/** Options of {@link detectorScoreFrame}. */
export interface DetectorScoreFrameOptions {
  /** A first column `detector` holding this name, so the frames of two detectors can be concatenated and grouped. */
  detector?: string;
}

/**
 * The per-record lines of {@link scoreDetector} as a danfo.js DataFrame: `record`, `reference`
 * (annotated beats scored), `detected`, `TP`, `FP`, `FN`, `Se %` and `+P %` (percent, unrounded).
 * A record without annotations has NaN scores, as pandas would show them.
 *
 * @example detectorScoreFrame(scoreDetector(paths, detectRPeaks)).sortValues('Se %').head(3)
 */
export function detectorScoreFrame(
  score: Pick<DetectorScore, 'records'>,
  options: DetectorScoreFrameOptions = {},
): DataFrame {
  const r = score.records;
  const pct = (f: number | null) => (f === null ? NaN : 100 * f);
  const num = (v: number | null) => (v === null ? NaN : v);
  const columns: Record<string, FrameColumn> = {};
  if (options.detector !== undefined) columns.detector = r.map(() => options.detector!);
  Object.assign(columns, {
    record: r.map((x) => x.record),
    reference: r.map((x) => num(x.reference)),
    detected: r.map((x) => x.detected),
    TP: r.map((x) => num(x.tp)),
    FP: r.map((x) => num(x.fp)),
    FN: r.map((x) => num(x.fn)),
    'Se %': r.map((x) => pct(x.se)),
    '+P %': r.map((x) => pct(x.ppv)),
  });
  return columnFrame(columns);
}
