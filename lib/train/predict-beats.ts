import * as fs from 'fs';
import * as path from 'path';
import type * as tf from '@tensorflow/tfjs';
import { EcgInputError } from '../common';
import { beatInputs, cutRecordBeats, leadIndex, normalizeInputs, type BeatInputs } from '../data';
import { isBeat, readAnnotations, readHeartbeatCsv, readRecord } from '../io';
import { detectRPeaks } from '../signal';
import { predictProbabilities } from './beat-arrays';
import { MODEL_FILES, readModelDir } from './model-files';
import { upgradeSidecar, type ModelSidecar } from './sidecar';
import { decisionWeightList } from './train-config';
import { weightedArgmax } from '../evaluation';

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
 * Reads a model folder written by `ecg train` (model/ or checkpoints/final/); a sidecar of an
 * older format is upgraded to the current one (see upgradeSidecar).
 *
 * @example (await readTrainedModel('outputs/quick/model')).sidecar.classes // => ['N', 'S', 'V', 'F', 'Q']
 * @throws EcgInputError naming the missing file of an incomplete folder
 */
export async function readTrainedModel(dir: string): Promise<TrainedModel> {
  const { model, sidecar } = await readModelDir<unknown>(dir);
  return { model, sidecar: upgradeSidecar(sidecar, path.join(dir, MODEL_FILES.sidecar)) };
}

/**
 * Probabilities (n × columns) → one PredictedBeat per row. The class is the argmax of the
 * probabilities times `decisionWeights` (the model's training config's, all 1 by default), as the
 * model was scored; `confidence` stays the chosen class's own probability.
 *
 * @example toPredictedBeats(Float32Array.of(0.6, 0.4), ['N', 'S'], [100], [1, 2])[0].class // => 'S'
 */
export function toPredictedBeats(
  probs: Float32Array,
  classes: readonly string[],
  samples: ArrayLike<number>,
  decisionWeights?: readonly number[],
): PredictedBeat[] {
  const columns = probs.length / Math.max(1, samples.length);
  // A sigmoid column is read as the two probabilities (1 − p, p), weighted like a softmax pair.
  const pairs = columns === 1 ? Float32Array.from(Array.from(probs).flatMap((q) => [1 - q, q])) : probs;
  const k = Math.max(2, columns);
  const chosen = weightedArgmax(pairs, k, decisionWeights && columns > 1 ? decisionWeights : new Array(k).fill(1));
  return Array.from(samples, (sample, i) => {
    const p = Array.from(pairs.subarray(i * k, (i + 1) * k));
    const best = chosen[i];
    return {
      sample,
      class: classes[best],
      confidence: p[best],
      probabilities: Object.fromEntries(classes.map((c, k) => [c, p[k]])),
    };
  });
}

async function classify(t: TrainedModel, inputs: BeatInputs, samples: ArrayLike<number>): Promise<PredictedBeat[]> {
  const set = { ...inputs, y: new Int32Array(inputs.n) };
  const probs = await predictProbabilities(t.model, set);
  const weights = decisionWeightList(t.sidecar.trainConfig?.training?.decisionWeights, t.sidecar.classes);
  return toPredictedBeats(probs, t.sidecar.classes, samples, weights);
}

/** The inputs {@link recordInputs} builds for a record, and where its beats are. */
export interface RecordInputs {
  /** Normalised model inputs, one row per beat. */
  inputs: BeatInputs;
  /** R-peak sample of each row, at the record's own rate. */
  samples: Int32Array;
}

/**
 * The model inputs of a WFDB record's beats, made by the model's beat recipe (lib/data): the
 * lead it was trained on (MLII, else signal 0), R peaks from lib/signal's detectRPeaks (or the
 * record's reference annotations with `useAnnotations`), then the recipe's filter, rate, window,
 * RR features from those peaks, record-relative channel and the fitted normalisation. Beats too
 * near the record's ends are skipped. With the reference annotations these are, bit for bit, the
 * inputs training made for the same beats.
 *
 * @example (await recordInputs(model, 'data/mitdb/100', { useAnnotations: true })).inputs.n // => 2272
 * @throws EcgInputError for an unreadable record, an invalid sample, or fewer than two beats
 */
export function recordInputs(
  t: TrainedModel,
  recordPath: string,
  options: { useAnnotations?: boolean } = {},
): RecordInputs {
  const base = recordPath.replace(/\.(hea|dat|atr)$/, '');
  const head = readRecord(base, { end: 0 });
  const ch = leadIndex(
    head.header.signals.map((s) => s.description),
    undefined,
    { file: `${base}.hea` },
  );
  const rec = readRecord(base, { channels: [ch] });
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
    peaks = detectRPeaks(raw, rec.fsHz);
  }
  if (peaks.length < 2)
    throw new EcgInputError(`${peaks.length} beats found`, { file: base }, 'a record with at least two beats');
  const recipe = t.sidecar.recipe;
  const cut = cutRecordBeats(raw, rec.fsHz, peaks, recipe);
  const inputs = beatInputs({ ...cut, record: new Array<string>(cut.n).fill(base) }, recipe);
  return {
    inputs: normalizeInputs(inputs, t.sidecar.normalization),
    samples: Int32Array.from(cut.beat, (k) => peaks[k]),
  };
}

/**
 * Classifies the beats of a WFDB record with a trained model, on the inputs of
 * {@link recordInputs}: the signal is filtered and resampled as in training, so windows span the
 * same time as in training.
 *
 * @example (await predictRecord(model, 'data/mitdb/100')).length // => about 2270
 * @throws EcgInputError for an unreadable record or missing annotations
 */
export async function predictRecord(
  t: TrainedModel,
  recordPath: string,
  options: { useAnnotations?: boolean } = {},
): Promise<PredictedBeat[]> {
  const { inputs, samples } = recordInputs(t, recordPath, options);
  return classify(t, inputs, samples);
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
  const recipe = t.sidecar.recipe;
  if (recipe.rrFeatures || recipe.recordRelative) {
    throw new EcgInputError(
      'the model takes RR-interval features or record-relative beats, which a heartbeat CSV does not hold',
      { file },
      'a WFDB record for this model, or a model trained without rrFeatures',
    );
  }
  if (!fs.existsSync(file)) throw new EcgInputError('no such file', { file }, 'a heartbeat CSV or a WFDB record');
  const csv = readHeartbeatCsv(file, { length: recipe.length });
  const inputs = normalizeInputs(
    { x: csv.x, n: csv.n, length: csv.length, channels: 1, sideFeatures: 0 },
    t.sidecar.normalization,
  );
  return classify(
    t,
    inputs,
    Array.from({ length: csv.n }, (_, i) => i),
  );
}
