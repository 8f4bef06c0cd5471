import * as fs from 'fs';
import * as path from 'path';
import { readAnnotations, readRecord } from '../io';
import { grossScore, referenceBeats, scoreBeats, vfEpisodes, type BeatScore } from './score-beats';

/** An R-peak detector as lib/signal's `detectRPeaks` and `panTompkins` are: samples and rate in, peak samples out. */
export type RPeakDetector = (samples: Float32Array, fsHz: number) => Int32Array;

/** One record's line of {@link scoreDetector}; the scores are null when the record has no .atr file. */
export interface DetectorRecordScore {
  record: string;
  /** Reference beats scored (after any VF exclusion), null without annotations. */
  reference: number | null;
  detected: number;
  tp: number | null;
  fp: number | null;
  fn: number | null;
  se: number | null;
  ppv: number | null;
  f1: number | null;
  peaks: number[];
}

/** What {@link scoreDetector} returns. */
export interface DetectorScore {
  records: DetectorRecordScore[];
  /** Counts summed over the annotated records, fractions from the sums. */
  gross: BeatScore;
  /** Signal samples filtered and searched per second of detection time (reading not included). */
  samplesPerSecond: number;
  /** True when ventricular flutter/fibrillation episodes were left out of the scores (EC57). */
  excludeVf: boolean;
}

/** Options of {@link scoreDetector}. */
export interface ScoreDetectorOptions {
  /** Leave ventricular flutter/fibrillation episodes ('[' … ']') out, as ANSI/AAMI EC57 does (default false). */
  excludeVf?: boolean;
  /** Matching window each side of a reference beat, in seconds (default 0.15, the EC57 window). */
  toleranceSec?: number;
}

/**
 * Runs an R-peak detector on the first signal of each record and scores it beat by beat against
 * the record's .atr beat annotations: the one scoring loop behind `ecg detect` and notebook 01.
 *
 * @example scoreDetector(['data/mitdb/100'], detectRPeaks).gross.se // => 0.9996
 * @throws EcgInputError for a record that cannot be read
 */
export function scoreDetector(
  recordPaths: readonly string[],
  detect: RPeakDetector,
  options: ScoreDetectorOptions = {},
): DetectorScore {
  const excludeVf = options.excludeVf ?? false;
  const records: DetectorRecordScore[] = [];
  const scored: BeatScore[] = [];
  let samples = 0;
  let ms = 0;
  for (const p of recordPaths) {
    const rec = readRecord(p, { channels: [0] });
    const t0 = performance.now();
    const peaks = detect(rec.signals[0].mV, rec.fsHz);
    ms += performance.now() - t0;
    samples += rec.nSamples;
    let score: BeatScore | null = null;
    if (fs.existsSync(`${p}.atr`)) {
      const ann = readAnnotations(p, 'atr');
      const exclude = excludeVf ? vfEpisodes(ann, rec.nSamples) : [];
      score = scoreBeats(peaks, referenceBeats(ann), rec.fsHz, { exclude, toleranceSec: options.toleranceSec });
      scored.push(score);
    }
    records.push({
      record: path.basename(p),
      reference: score ? score.tp + score.fn : null,
      detected: peaks.length,
      tp: score?.tp ?? null,
      fp: score?.fp ?? null,
      fn: score?.fn ?? null,
      se: score?.se ?? null,
      ppv: score?.ppv ?? null,
      f1: score?.f1 ?? null,
      peaks: Array.from(peaks),
    });
  }
  return {
    records,
    gross: grossScore(scored),
    samplesPerSecond: ms > 0 ? Math.round(samples / (ms / 1000)) : 0,
    excludeVf,
  };
}
