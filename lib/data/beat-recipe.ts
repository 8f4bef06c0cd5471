/**
 * The beat recipe: how a record's signal and beat positions become a model's inputs (lead, filter,
 * rate, window, RR intervals, the record-relative channel, RR side features, normalisation).
 * Training (readBeatDataset, then lib/train's data preparation) and inference (lib/train's
 * predictRecord and evaluateModel) call these same functions, and the recipe a model was trained
 * with is stored in its sidecar, so the inputs a model sees in use are those it was trained on.
 */
import { EcgInputError } from '../common';
import {
  applyNormalizer,
  bandpass,
  beatWindows,
  fitNormalizer,
  removeBaseline,
  resample,
  rrFeatures,
  type NormParams,
} from '../signal';
import { recordRelative } from './record-relative';
import { RR_FEATURE_NAMES, rrSideFeatures } from './rr-side-features';

/** Names of the `rr` columns of a beat dataset (lib/signal's rrFeatures, de Chazal et al. 2004), in seconds. */
export const RR_COLUMNS = ['preRrSec', 'postRrSec', 'localRrSec', 'averageRrSec'] as const;

/** The part of a recipe that cuts beats out of one record's signal. */
export interface BeatWindowRecipe {
  /** Samples before the R peak and from it on, at `fsHz`. */
  beforeSamples: number;
  afterSamples: number;
  /** Rate the windows are cut at; a record at another rate is resampled after filtering (default: the record's own). */
  fsHz?: number;
  /** 'bandpass' (zero-phase Butterworth over `bandHz`), 'baseline' (two median filters) or 'none'. */
  filter: 'bandpass' | 'baseline' | 'none';
  bandHz: [number, number];
}

/** Everything that turns a record into a model's inputs, as stored in a model's sidecar. */
export interface BeatRecipe extends BeatWindowRecipe {
  /** The window preset the config named (187 or 250), for the record. */
  preset?: 187 | 250;
  /** beforeSamples + afterSamples. */
  length: number;
  fsHz: number;
  /** A second channel: each beat minus its record's median beat (see {@link recordRelative}). */
  recordRelative: boolean;
  /** The RR side input ({@link RR_FEATURE_NAMES}, see {@link rrSideFeatures}). */
  rrFeatures: boolean;
}

/** A model's inputs for n beats: x is n × length × channels (channels last), side n × sideFeatures. */
export interface BeatInputs {
  x: Float32Array;
  n: number;
  length: number;
  channels: number;
  side?: Float32Array;
  sideFeatures: number;
}

/** The normalisation a model was trained with (fitted on its training beats), applied to new beats. */
export interface BeatNormalization {
  beats: NormParams | null;
  /** Per-feature z-score of the side features (RR), or null without them. */
  side: NormParams | null;
  sideFeatureNames: string[];
}

/**
 * The lead a recipe reads: the signal given by index or name, else the one named MLII, else signal 0.
 *
 * @example leadIndex(['V5', 'MLII']) // => 1
 * @throws EcgInputError naming the file for an index or name the record does not have
 */
export function leadIndex(
  names: readonly string[],
  channel?: number | string,
  where: { file?: string; at?: string } = {},
): number {
  let ch: number;
  if (typeof channel === 'number') ch = channel;
  else if (channel !== undefined) ch = names.indexOf(channel);
  else ch = Math.max(0, names.indexOf('MLII'));
  if (!(Number.isInteger(ch) && ch >= 0 && ch < names.length)) {
    throw new EcgInputError(
      `no signal ${JSON.stringify(channel)}`,
      { file: where.file, at: where.at ?? 'channel' },
      `an index 0..${names.length - 1} or one of ${names.join(', ')}`,
    );
  }
  return ch;
}

/** One record's beats cut by {@link cutRecordBeats}. */
export interface RecordBeats {
  /** n × length windows, row-major. */
  x: Float32Array;
  n: number;
  length: number;
  /** Rate of the windows. */
  fsHz: number;
  /** For each window, its index into the `beats` given (beats whose window leaves the signal are skipped). */
  beat: Int32Array;
  /** n × 4 RR features (columns {@link RR_COLUMNS}) from all the beats given; NaN for a record with one beat. */
  rr: Float32Array;
}

/**
 * Cuts the windows of a recipe out of one record's lead: filters it at the record's rate,
 * resamples it to the recipe's rate, cuts [R − before, R + after) around each beat of `keep`
 * (indices into `beats`; default all), and gives each window the RR features computed from all of
 * `beats` (the R peaks of every beat of the record, at `fsHz`, strictly increasing).
 *
 * @example cutRecordBeats(mV, 360, peaks, { beforeSamples: 62, afterSamples: 125, filter: 'bandpass', bandHz: [0.5, 40] }).length // => 187
 * @throws EcgInputError for bad window sizes or peaks out of order
 */
export function cutRecordBeats(
  mV: Float32Array,
  fsHz: number,
  beats: Int32Array,
  recipe: BeatWindowRecipe,
  keep?: ArrayLike<number>,
): RecordBeats {
  const { beforeSamples: before, afterSamples: after } = recipe;
  if (!(Number.isInteger(before) && before >= 0 && Number.isInteger(after) && after >= 1)) {
    throw new EcgInputError(
      `window ${before} + ${after}`,
      { at: 'beforeSamples/afterSamples' },
      'integers before ≥ 0 and after ≥ 1',
    );
  }
  let sig = mV;
  if (recipe.filter === 'bandpass') sig = bandpass(sig, fsHz, recipe.bandHz[0], recipe.bandHz[1]);
  else if (recipe.filter === 'baseline') sig = removeBaseline(sig, fsHz);
  const outHz = recipe.fsHz ?? fsHz;
  if (outHz !== fsHz) sig = resample(sig, fsHz, outHz);
  const kept = keep ? Int32Array.from(keep) : Int32Array.from(beats, (_, i) => i);
  const at = Int32Array.from(kept, (b) => Math.round((beats[b] * outHz) / fsHz));
  const { windows, peakIndex } = beatWindows(sig, at, { before, after });
  const length = before + after;
  const x = new Float32Array(windows.length * length);
  windows.forEach((w, i) => x.set(w, i * length));
  const beat = Int32Array.from(peakIndex, (k) => kept[k]);
  const all = beats.length >= 2 ? rrFeatures(beats, fsHz) : undefined;
  const rr = new Float32Array(beat.length * RR_COLUMNS.length);
  beat.forEach((b, i) =>
    rr.set(
      all ? [all.preRrSec[b], all.postRrSec[b], all.localRrSec[b], all.averageRrSec[b]] : [NaN, NaN, NaN, NaN],
      i * RR_COLUMNS.length,
    ),
  );
  return { x, n: windows.length, length, fsHz: outHz, beat, rr };
}

/**
 * A model's inputs before normalisation for beats of one or more records: the windows, with the
 * record-relative channel when the recipe asks for it (each record's median from its own beats
 * here, so pass all beats of a record together) and the RR side features when it asks for them.
 *
 * @example beatInputs(dataset, { recordRelative: true, rrFeatures: true }).channels // => 2
 */
export function beatInputs(
  beats: { x: Float32Array; n: number; length: number; record: readonly string[]; rr: Float32Array },
  recipe: Pick<BeatRecipe, 'recordRelative' | 'rrFeatures'>,
): BeatInputs {
  const x = recipe.recordRelative ? recordRelative(beats.x, beats.n, beats.length, beats.record) : beats.x;
  const side = recipe.rrFeatures ? rrSideFeatures(beats.rr, beats.n) : undefined;
  return {
    x,
    n: beats.n,
    length: beats.length,
    channels: recipe.recordRelative ? 2 : 1,
    side,
    sideFeatures: side ? RR_FEATURE_NAMES.length : 0,
  };
}

function rowsOf(x: Float32Array, n: number): Float32Array[] {
  const w = n ? x.length / n : 0;
  return Array.from({ length: n }, (_, i) => x.subarray(i * w, (i + 1) * w));
}

function flat(parts: Float32Array[], width: number): Float32Array {
  const out = new Float32Array(parts.length * width);
  parts.forEach((p, i) => out.set(p, i * width));
  return out;
}

/**
 * Fits the normalisation on training inputs only: one z-score or min–max over all beat values,
 * and a per-feature z-score of the side features.
 *
 * @example fitBeatNormalization(train, 'zscore').beats // => { kind: 'zscore', mean: 0.01, std: 0.4 } (for example)
 */
export function fitBeatNormalization(train: BeatInputs, kind: 'zscore' | 'minmax' | 'none'): BeatNormalization {
  return {
    beats: kind === 'none' ? null : fitNormalizer(kind, rowsOf(train.x, train.n)),
    side: train.side ? fitNormalizer('zscore', rowsOf(train.side, train.n), { perFeature: true }) : null,
    sideFeatureNames: train.side ? [...RR_FEATURE_NAMES] : [],
  };
}

/**
 * Applies a fitted normalisation to inputs (beats and side features), returning new arrays and
 * keeping every other field.
 *
 * @example normalizeInputs(test, normalization).x // => z-scored with the training mean and sd
 */
export function normalizeInputs<T extends BeatInputs>(set: T, norm: BeatNormalization): T {
  const width = set.length * set.channels;
  const x = norm.beats ? flat(applyNormalizer(norm.beats, rowsOf(set.x, set.n)), width) : set.x;
  const side =
    set.side && norm.side ? flat(applyNormalizer(norm.side, rowsOf(set.side, set.n)), set.sideFeatures) : set.side;
  return { ...set, x, side };
}
