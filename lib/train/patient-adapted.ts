import { createRng, mixSeeds, seedStreams, shuffledIndices } from '../common';
import { predictClasses, evaluateClassifier, type ClassificationReport } from '../evaluation';
import { predictProbabilities, type BeatArrays } from './beat-arrays';
import { readModelDir } from './model-files';
import type { ProtocolData } from './prepare-data';
import { trainModel } from './train-model';

/**
 * Settings of the patient-adapted protocol. Fixed before any run from the AAMI EC57 rule (the
 * first 5 minutes of a test record may be used with their labels) and the patient-specific
 * literature (Hu et al. 1997, Kiranyaz et al. 2016: a few hundred common beats of other patients
 * beside the patient's own), not tuned on DS2 — nor on DS1, for lack of time: a DS1 simulation of
 * this protocol would be the honest place to tune them.
 */
export const PATIENT_ADAPTATION = {
  minutes: 5,
  epochs: 5,
  learningRate: 5e-4,
  batchSize: 32,
  /** Beats per class drawn once (seeded) from the DS1 training beats and mixed into every record's fine-tuning set. */
  commonBeatsPerClass: 50,
} as const;

/** Which beats of each record fine-tune the model and which are scored. */
export interface AdaptationSplit {
  records: string[];
  /** Indices (into the test set) of each record's beats whose whole window ends before the boundary. */
  adapt: Int32Array[];
  /** Indices of each record's beats with the R peak at or after the boundary. */
  score: Int32Array[];
  /** The boundary in samples at the records' rate (minutes × 60 × fs). */
  boundarySample: number;
  /** Beats whose window straddles the boundary, used for neither. */
  straddling: number;
}

/**
 * Splits each test record's beats at minute `minutes` (AAMI EC57 patient-specific rule): beats
 * whose window (R peak + `afterSamples`) ends before the boundary may fine-tune the model; beats
 * whose R peak lies at or after it are scored; the rare beat in between is used for neither, so no
 * labelled sample after the boundary reaches the fine-tuning.
 *
 * @example adaptationSplit(['100', '100'], [1000, 200000], 360, 125).adapt[0] // => Int32Array [0]
 */
export function adaptationSplit(
  recordOfBeat: readonly string[],
  samples: ArrayLike<number>,
  fsHz: number,
  afterSamples: number,
  minutes: number = PATIENT_ADAPTATION.minutes,
): AdaptationSplit {
  const boundarySample = Math.round(minutes * 60 * fsHz);
  const records = [...new Set(recordOfBeat)].sort();
  const slot = new Map(records.map((r, i) => [r, i]));
  const adapt: number[][] = records.map(() => []);
  const score: number[][] = records.map(() => []);
  let straddling = 0;
  for (let i = 0; i < recordOfBeat.length; i++) {
    const s = slot.get(recordOfBeat[i])!;
    if (samples[i] + afterSamples < boundarySample) adapt[s].push(i);
    else if (samples[i] >= boundarySample) score[s].push(i);
    else straddling++;
  }
  return {
    records,
    adapt: adapt.map((a) => Int32Array.from(a)),
    score: score.map((a) => Int32Array.from(a)),
    boundarySample,
    straddling,
  };
}

function pickRows(set: BeatArrays, rows: ArrayLike<number>): BeatArrays {
  const w = set.length * set.channels;
  const n = rows.length;
  const x = new Float32Array(n * w);
  const y = new Int32Array(n);
  const side = set.side ? new Float32Array(n * set.sideFeatures) : undefined;
  for (let r = 0; r < n; r++) {
    const i = rows[r];
    x.set(set.x.subarray(i * w, (i + 1) * w), r * w);
    y[r] = set.y[i];
    if (side) side.set(set.side!.subarray(i * set.sideFeatures, (i + 1) * set.sideFeatures), r * set.sideFeatures);
  }
  return { ...set, x, y, n, side };
}

function concatRows(a: BeatArrays, b: BeatArrays): BeatArrays {
  const cat = <T extends Float32Array | Int32Array>(p: T, q: T): T => {
    const out = new (p.constructor as new (n: number) => T)(p.length + q.length);
    out.set(p);
    out.set(q, p.length);
    return out;
  };
  return {
    ...a,
    n: a.n + b.n,
    x: cat(a.x, b.x),
    y: cat(a.y, b.y),
    side: a.side && b.side ? cat(a.side, b.side) : undefined,
  };
}

/** What {@link adaptToPatients} returns: the scored beats and their predictions, pooled over records. */
export interface PatientAdaptation {
  report: ClassificationReport;
  /** The inter-patient model, not adapted, on the same scored beats (what adaptation changes). */
  unadapted: ClassificationReport;
  yTrue: Int32Array;
  yPred: Int32Array;
  recordOfBeat: string[];
  perRecord: {
    record: string;
    adaptBeats: number;
    scoredBeats: number;
    lastAdaptSample: number;
    firstScoredSample: number;
  }[];
  split: AdaptationSplit;
  commonBeats: number;
}

/**
 * The patient-adapted protocol: for each test record, the inter-patient model (read from
 * `modelDir`) is fine-tuned on the record's labelled beats of the first 5 minutes plus a fixed
 * set of common DS1 training beats, then scores the record's remaining beats; predictions are
 * pooled over records. Beats keep the inter-patient normalisation (fitted on DS1).
 *
 * @example (await adaptToPatients(modelDir, interData, 42)).report.macroF1 // => 0.7 (for example)
 */
export async function adaptToPatients(
  modelDir: string,
  d: ProtocolData,
  seed: number,
  log: (line: string) => void = () => {},
): Promise<PatientAdaptation> {
  const a = PATIENT_ADAPTATION;
  const split = adaptationSplit(d.testBeatRecords, d.testBeatSamples, d.fsHz, d.recipe.afterSamples, a.minutes);
  const rng = createRng(seedStreams(seed).for('adaptation'));
  const order = shuffledIndices(d.train.n, rng);
  const taken = new Array<number>(d.classes.length).fill(0);
  const common: number[] = [];
  for (const i of order)
    if (taken[d.train.y[i]] < a.commonBeatsPerClass) {
      taken[d.train.y[i]]++;
      common.push(i);
    }
  const commonSet = pickRows(d.train, common);
  const k = d.classes.length;
  const scoredRows: number[] = [];
  const probs: number[] = [];
  const unadaptedProbs: number[] = [];
  const perRecord: PatientAdaptation['perRecord'] = [];
  const base = (await readModelDir(modelDir)).model;
  try {
    for (let r = 0; r < split.records.length; r++) {
      const record = split.records[r];
      const scoreSet = pickRows(d.test, split.score[r]);
      const { model } = await readModelDir(modelDir);
      const tuneSet = concatRows(pickRows(d.test, split.adapt[r]), commonSet);
      await trainModel(model, tuneSet, undefined, {
        epochs: a.epochs,
        batchSize: a.batchSize,
        learningRate: a.learningRate,
        seed: mixSeeds(seedStreams(seed).for('fineTuning'), r),
      });
      probs.push(...(await predictProbabilities(model, scoreSet)));
      unadaptedProbs.push(...(await predictProbabilities(base, scoreSet)));
      model.dispose();
      scoredRows.push(...split.score[r]);
      const samplesOf = (rows: Int32Array) => Array.from(rows, (i) => d.testBeatSamples[i]);
      perRecord.push({
        record,
        adaptBeats: split.adapt[r].length,
        scoredBeats: split.score[r].length,
        lastAdaptSample: Math.max(-1, ...samplesOf(split.adapt[r])),
        firstScoredSample: Math.min(Number.MAX_SAFE_INTEGER, ...samplesOf(split.score[r])),
      });
      log(
        `patient-adapted: record ${record}: ${split.adapt[r].length} beats of the first ${a.minutes} min + ${common.length} common beats → ${split.score[r].length} scored`,
      );
    }
  } finally {
    base.dispose();
  }
  const yTrue = Int32Array.from(scoredRows, (i) => d.test.y[i]);
  const p = Float32Array.from(probs);
  return {
    report: evaluateClassifier(yTrue, p, d.classes),
    unadapted: evaluateClassifier(yTrue, Float32Array.from(unadaptedProbs), d.classes),
    yTrue,
    yPred: predictClasses(p, k),
    recordOfBeat: scoredRows.map((i) => d.testBeatRecords[i]),
    perRecord,
    split,
    commonBeats: common.length,
  };
}
