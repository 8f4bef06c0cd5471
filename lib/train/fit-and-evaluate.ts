import * as tf from '@tensorflow/tfjs';
import { classWeights, randomOversample, sampleWeights } from '../data';
import { evaluateClassifier, type ClassificationReport } from '../evaluation';
import { buildModel, mixSeeds, resolveModelConfig, type ModelConfig } from '../models';
import { applyNormalizer, fitNormalizer, type NormParams } from '../signal';
import { predictProbabilities, type BeatArrays } from './beat-arrays';
import type { EpochEntry, Monitor } from './history';
import type { LrSchedule } from './learning-rate';
import { mixupBatch } from './mixup-batch';
import type { ProgressReporter } from './progress';
import { trainModel } from './train-model';

/** Options of {@link fitAndEvaluate}. */
export interface FitEvaluateOptions {
  /** A model config as lib/models reads it; inputLength, channels, numClasses and sideFeatures follow from the data. */
  model: Record<string, unknown> & { arch: string };
  classes: readonly string[];
  train: BeatArrays;
  /** Held out from training, for early stopping and the learning-rate schedule. */
  validation?: BeatArrays;
  test: BeatArrays;
  seed: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  schedule?: LrSchedule;
  earlyStoppingPatience?: number;
  monitor?: Monitor;
  /** Fitted on the training rows only, then applied to every set. */
  normalization?: 'zscore' | 'minmax' | 'none';
  /** After normalising, clip values to ±clipAt (e.g. 3 standard deviations after a z-score). */
  clipAt?: number;
  /** Balancing of the training split only. */
  classWeights?: boolean;
  oversample?: boolean;
  /** Mixup Beta(α, α) on training batches (Zhang et al. 2018); 0 or absent: off. */
  mixupAlpha?: number;
  /** Decision threshold for a sigmoid (binary) head. */
  threshold?: number;
  progress?: ProgressReporter;
  /** Keep the trained model (the caller disposes it); by default it is disposed. */
  keepModel?: boolean;
}

/** What {@link fitAndEvaluate} returns. */
export interface FitEvaluateResult {
  report: ClassificationReport;
  history: EpochEntry[];
  bestEpoch: number;
  /** Test-set probabilities (n × k, or n × 1 for a sigmoid head). */
  probs: Float32Array;
  normalization?: NormParams;
  modelConfig: ModelConfig;
  parameters: number;
  model?: tf.LayersModel;
  trainSeconds: number;
}

function normalize(set: BeatArrays, params: NormParams | undefined, clipAt: number | undefined): BeatArrays {
  if (!params && clipAt === undefined) return set;
  const width = set.length * set.channels;
  const out = new Float32Array(set.x.length);
  for (let i = 0; i < set.n; i++) {
    const row = set.x.subarray(i * width, (i + 1) * width);
    out.set(params ? applyNormalizer(params, [row])[0] : row, i * width);
  }
  if (clipAt !== undefined) for (let i = 0; i < out.length; i++) out[i] = Math.max(-clipAt, Math.min(clipAt, out[i]));
  return { ...set, x: out };
}

/**
 * Trains one model config on arrays already split by the caller and scores it on the test set:
 * normalisation fitted on the training rows only, class weights / oversampling / mixup on the
 * training split only, the seeded training loop of {@link trainModel}, then lib/evaluation's report.
 * The building block for sweeps, model comparisons and cross-validation folds in notebooks.
 *
 * @example (await fitAndEvaluate({ model: { arch: 'cnn1d' }, classes: ['N', 'V'], train, test, seed: 1, epochs: 3, batchSize: 64, learningRate: 1e-3 })).report.macroF1 // => 0.93 (for example)
 * @throws EcgInputError for a model config with an unknown key or a wrong type
 */
export async function fitAndEvaluate(o: FitEvaluateOptions): Promise<FitEvaluateResult> {
  const started = Date.now();
  const rows = (s: BeatArrays) =>
    Array.from({ length: s.n }, (_, i) => s.x.subarray(i * s.length * s.channels, (i + 1) * s.length * s.channels));
  const normalization =
    o.normalization && o.normalization !== 'none' ? fitNormalizer(o.normalization, rows(o.train)) : undefined;
  let train = normalize(o.train, normalization, o.clipAt);
  const validation = o.validation ? normalize(o.validation, normalization, o.clipAt) : undefined;
  const test = normalize(o.test, normalization, o.clipAt);
  if (o.oversample) {
    const width = train.length * train.channels;
    const picked = randomOversample(
      { x: train.x, y: train.y, n: train.n, length: width },
      { seed: mixSeeds(o.seed, 4) },
    );
    let side: Float32Array | undefined;
    if (train.side) {
      side = new Float32Array(picked.n * train.sideFeatures);
      picked.source.forEach((src, i) =>
        side!.set(
          train.side!.subarray(src * train.sideFeatures, (src + 1) * train.sideFeatures),
          i * train.sideFeatures,
        ),
      );
    }
    train = { ...train, x: picked.x, y: picked.y, n: picked.n, side };
  }
  const weights = o.classWeights ? sampleWeights(train.y, classWeights(train.y, o.classes.length)) : undefined;
  const base = resolveModelConfig(o.model, 'model');
  const modelConfig: ModelConfig = {
    ...base,
    inputLength: train.length,
    channels: train.channels,
    numClasses: o.classes.length,
    sideFeatures: train.sideFeatures,
    seed: 'seed' in o.model ? base.seed : mixSeeds(o.seed, 5),
  };
  const model = buildModel(modelConfig);
  const result = await trainModel(model, train, validation, {
    epochs: o.epochs,
    batchSize: o.batchSize,
    learningRate: o.learningRate,
    schedule: o.schedule,
    seed: mixSeeds(o.seed, 6),
    sampleWeight: weights,
    augmentBatch: o.mixupAlpha ? mixupBatch(o.mixupAlpha) : undefined,
    earlyStopping:
      o.earlyStoppingPatience && validation ? { patience: o.earlyStoppingPatience, restoreBest: true } : undefined,
    monitor: o.monitor,
    progress: o.progress,
  });
  const probs = await predictProbabilities(model, test);
  const report = evaluateClassifier(test.y, probs, o.classes, { threshold: o.threshold });
  const parameters = model.countParams();
  if (!o.keepModel) model.dispose();
  return {
    report,
    history: result.history,
    bestEpoch: result.bestEpoch,
    probs,
    normalization,
    modelConfig,
    parameters,
    model: o.keepModel ? model : undefined,
    trainSeconds: (Date.now() - started) / 1000,
  };
}
