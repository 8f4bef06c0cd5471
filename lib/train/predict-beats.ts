import * as fs from 'fs';
import type * as tf from '@tensorflow/tfjs';
import { EcgInputError } from '../common';
import { isBeat, readAnnotations, readHeartbeatCsv, readRecord } from '../io';
import { bandpass, beatWindows, detectRPeaks, removeBaseline, resample, rrFeatures } from '../signal';
import type { BeatArrays } from './beat-arrays';
import { predictProbabilities } from './beat-arrays';
import { readModelDir } from './model-files';
import { normalizeSet } from './prepare-data';
import { recordRelative } from './record-relative';
import { rrSideFeatures } from './rr-features';
import type { ModelSidecar } from './sidecar';

/** One classified beat. */
export interface PredictedBeat {
  /** R-peak sample in the input (record: at the record's own rate; CSV: the row number). */
  sample: number;
  class: string;
  /** Probability of the predicted class. */
  confidence: number;
  probabilities: Record<string, number>;
}

/** A model folder read for prediction. */
export interface TrainedModel {
  model: tf.LayersModel;
  sidecar: ModelSidecar;
}

/**
 * Reads a model folder written by `ecg train` (model/ or checkpoints/final/).
 *
 * @example (await readTrainedModel('outputs/quick/model')).sidecar.classes // => ['N', 'S', 'V', 'F', 'Q']
 * @throws EcgInputError naming the missing file of an incomplete folder
 */
export async function readTrainedModel(dir: string): Promise<TrainedModel> {
  const { model, sidecar } = await readModelDir<ModelSidecar>(dir);
  if (sidecar.format !== 'ecg-workbench-model' || !sidecar.window || !Array.isArray(sidecar.classes)) {
    throw new EcgInputError(
      'is not an ecg-workbench model description',
      { file: `${dir}/ecg-model.json` },
      'the ecg-model.json written by ecg train',
    );
  }
  return { model, sidecar };
}

/** Probabilities (n × columns) → one PredictedBeat per row. */
export function toPredictedBeats(
  probs: Float32Array,
  classes: readonly string[],
  samples: ArrayLike<number>,
): PredictedBeat[] {
  const columns = probs.length / Math.max(1, samples.length);
  return Array.from(samples, (sample, i) => {
    const p = columns === 1 ? [1 - probs[i], probs[i]] : Array.from(probs.subarray(i * columns, (i + 1) * columns));
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
    return {
      sample,
      class: classes[best],
      confidence: p[best],
      probabilities: Object.fromEntries(classes.map((c, k) => [c, p[k]])),
    };
  });
}

async function classify(
  t: TrainedModel,
  x: Float32Array,
  n: number,
  side: Float32Array | undefined,
  samples: ArrayLike<number>,
): Promise<PredictedBeat[]> {
  const s = t.sidecar;
  const channels = s.modelConfig.channels;
  const set: BeatArrays = {
    x,
    n,
    length: s.window.length,
    channels,
    y: new Int32Array(n),
    side,
    sideFeatures: side ? side.length / Math.max(1, n) : 0,
  };
  const probs = await predictProbabilities(t.model, normalizeSet(set, s.normalization));
  return toPredictedBeats(probs, s.classes, samples);
}

/**
 * Classifies the beats of a WFDB record with a trained model: the lead the model was trained on
 * (MLII, else signal 0) is filtered as in training, R peaks come from lib/signal's detectRPeaks
 * (or the record's reference annotations with `useAnnotations`), RR features from those peaks,
 * and the signal is resampled to the model's rate when the record's differs, so windows span the
 * same time as in training. Beats too near the record's ends are skipped.
 *
 * @example (await predictRecord(model, 'data/mitdb/100')).length // => about 2270
 * @throws EcgInputError for an unreadable record or missing annotations
 */
export async function predictRecord(
  t: TrainedModel,
  recordPath: string,
  options: { useAnnotations?: boolean } = {},
): Promise<PredictedBeat[]> {
  const base = recordPath.replace(/\.(hea|dat|atr)$/, '');
  const head = readRecord(base, { end: 0 });
  const names = head.header.signals.map((s) => s.description);
  const ch = Math.max(0, names.indexOf('MLII'));
  const rec = readRecord(base, { channels: [ch] });
  const fs0 = rec.fsHz;
  const raw = rec.signals[0].mV;
  const firstBad = raw.findIndex((v) => !Number.isFinite(v));
  if (firstBad >= 0)
    throw new EcgInputError(
      'holds an invalid (NaN) sample',
      { file: `${base}.dat`, at: `sample ${firstBad}` },
      'a record without gaps',
    );
  let peaks: Int32Array;
  if (options.useAnnotations) {
    const ann = readAnnotations(base, 'atr');
    peaks = Int32Array.from(Array.from(ann.samples).filter((_, i) => isBeat(ann.symbols[i])));
  } else {
    peaks = detectRPeaks(raw, fs0);
  }
  if (peaks.length < 2)
    throw new EcgInputError(`${peaks.length} beats found`, { file: base }, 'a record with at least two beats');
  const w = t.sidecar.window;
  let sig: Float32Array =
    w.filter === 'bandpass'
      ? bandpass(raw, fs0, w.bandHz[0], w.bandHz[1])
      : w.filter === 'baseline'
        ? removeBaseline(raw, fs0)
        : raw;
  if (fs0 !== w.fsHz) sig = resample(sig, fs0, w.fsHz);
  const at = Int32Array.from(peaks, (p) => Math.round((p * w.fsHz) / fs0));
  const { windows, peakIndex } = beatWindows(sig, at, { before: w.beforeSamples, after: w.afterSamples });
  const x = new Float32Array(windows.length * w.length);
  windows.forEach((win, i) => x.set(win, i * w.length));
  const beats = t.sidecar.trainConfig.data.recordRelative
    ? recordRelative(x, windows.length, w.length, new Array<string>(windows.length).fill(base))
    : x;
  let side: Float32Array | undefined;
  if (t.sidecar.normalization.side) {
    const rr = rrFeatures(peaks, fs0);
    const rows = new Float32Array(peakIndex.length * 4);
    peakIndex.forEach((k, i) =>
      rows.set([rr.preRrSec[k], rr.postRrSec[k], rr.localRrSec[k], rr.averageRrSec[k]], i * 4),
    );
    side = rrSideFeatures(rows, peakIndex.length);
  }
  return classify(
    t,
    beats,
    windows.length,
    side,
    Array.from(peakIndex, (k) => peaks[k]),
  );
}

/**
 * Classifies the rows of a heartbeat CSV (one beat per row, optionally a label column last, as
 * Kachuee et al. 2018): rows must have the model's window length; a model with an RR side input
 * cannot classify CSV rows, which carry no RR intervals.
 *
 * @example (await predictCsv(model, 'beats.csv'))[0].class // => 'N'
 * @throws EcgInputError for a wrong row length or a model that needs RR features
 */
export async function predictCsv(t: TrainedModel, file: string): Promise<PredictedBeat[]> {
  const w = t.sidecar.window;
  if (t.sidecar.normalization.side || t.sidecar.trainConfig.data.recordRelative) {
    throw new EcgInputError(
      'the model takes RR-interval features or record-relative beats, which a heartbeat CSV does not hold',
      { file },
      'a WFDB record for this model, or a model trained without rrFeatures',
    );
  }
  if (!fs.existsSync(file)) throw new EcgInputError('no such file', { file }, 'a heartbeat CSV or a WFDB record');
  const csv = readHeartbeatCsv(file, { length: w.length });
  return classify(
    t,
    csv.x,
    csv.n,
    undefined,
    Array.from({ length: csv.n }, (_, i) => i),
  );
}
