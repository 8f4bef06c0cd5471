import * as tf from '@tensorflow/tfjs';
import { seedStreams } from '../common';
import { classWeights, randomOversample, sampleWeights, selectRows } from '../data';
import { evaluateClassifier, type ClassificationReport } from '../evaluation';
import { buildModel, resolveModelConfig, type ModelConfig } from '../models';
import { applyNormalizer, fitNormalizer, type NormParams } from '../signal';
import { BEAT_ARRAYS_ROW_FIELDS, predictProbabilities, type BeatArrays } from './beat-arrays';
import type { EpochEntry, Monitor } from './history';
import type { LrSchedule } from './learning-rate';
import { mixupBatch } from './mixup-batch';
import type { ProgressReporter } from './progress';
import { trainModel, type TrainOptions } from './train-model';

/** Options of {@link fitAndEvaluate}. */
export interface FitEvaluateOptions {
  /** A model config as lib/models reads it; inputLength, channels, numClasses and sideFeatures follow from the data. */
  model: Record<string, unknown> & { arch: string };
  classes: readonly string[];
  train: BeatArrays;
  /** Held out from training, for early stopping and the learning-rate schedule. */
  validation?: BeatArrays;
  test: BeatArrays;
  /** The run's seed; each random choice draws from its own named stream (lib/common's seedStreams). */
  seed: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  schedule?: LrSchedule;
  earlyStoppingPatience?: number;
  monitor?: Monitor;
  /** Fitted on the training rows only, then applied to every set (leave out for data normalised already). */
  normalization?: 'zscore' | 'minmax' | 'none';
  /** After normalising, clip values to ±clipAt (e.g. 3 standard deviations after a z-score). */
  clipAt?: number;
  /** Balancing of the training split only: loss weights per class (capped at maxClassWeight when > 0). */
  classWeights?: boolean;
  maxClassWeight?: number;
  /** Balancing of the training split only: random oversampling of the smaller classes. */
  oversample?: boolean;
  /** Mixup Beta(α, α) on training batches (Zhang et al. 2018); 0 or absent: off. */
  mixupAlpha?: number;
  /** Focal-loss exponent γ for training (0 or absent: cross-entropy). */
  focalGamma?: number;
  /** Per-class decision weights for scoring the test set (lib/evaluation's weightedArgmax); absent: argmax. */
  decisionWeights?: number[];
  /** Decision threshold for a sigmoid (binary) head. */
  threshold?: number;
  progress?: ProgressReporter;
  /** Keep the trained model (the caller disposes it); by default it is disposed. */
  keepModel?: boolean;
  /** Continue training this model (e.g. a checkpoint read back) instead of building a new one. */
  initialModel?: tf.LayersModel;
  /** To resume: lib/train's trainModel options of the same names. */
  initialHistory?: TrainOptions['initialHistory'];
  initialBestWeights?: TrainOptions['initialBestWeights'];
  /** Called after each epoch (e.g. to write checkpoints). */
  onEpochEnd?: TrainOptions['onEpochEnd'];
}

/** What {@link fitAndEvaluate} returns. */
export interface FitEvaluateResult {
  report: ClassificationReport;
  history: EpochEntry[];
  bestEpoch: number;
  stoppedEarly: boolean;
  /** Test-set probabilities (n × k, or n × 1 for a sigmoid head). */
  probs: Float32Array;
  normalization?: NormParams;
  modelConfig: ModelConfig;
  parameters: number;
  model?: tf.LayersModel;
  /** Wall-clock seconds: fitting (with evaluation) in all, the test predictions alone, each epoch. */
  trainSeconds: number;
  evaluateSeconds: number;
  epochSeconds: number[];
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
 * The model config {@link fitAndEvaluate} builds for a training set: the config as lib/models
 * resolves it, with the input shape and classes from the data and, unless the config sets one,
 * the seed of the run's 'model' stream.
 *
 * @example fitModelConfig({ arch: 'cnn1d' }, train, ['N', 'S', 'V', 'F', 'Q'], 42).numClasses // => 5
 */
export function fitModelConfig(
  model: Record<string, unknown> & { arch: string },
  train: Pick<BeatArrays, 'length' | 'channels' | 'sideFeatures'>,
  classes: readonly string[],
  seed: number,
): ModelConfig {
  const base = resolveModelConfig(model, 'model');
  return {
    ...base,
    inputLength: train.length,
    channels: train.channels,
    numClasses: classes.length,
    sideFeatures: train.sideFeatures,
    seed: 'seed' in model ? base.seed : seedStreams(seed).for('model'),
  };
}

/**
 * Trains one model config on arrays already split by the caller and scores it on the test set:
 * normalisation fitted on the training rows only, oversampling / class weights / mixup on the
 * training split only, the seeded training loop of {@link trainModel}, then lib/evaluation's report.
 * The one training core: lib/train's runTraining (`ecg train`, with checkpoints and resume) runs
 * through it, as do sweeps, model comparisons and cross-validation folds in notebooks.
 *
 * @example (await fitAndEvaluate({ model: { arch: 'cnn1d' }, classes: ['N', 'V'], train, test, seed: 1, epochs: 3, batchSize: 64, learningRate: 1e-3 })).report.macroF1 // => 0.93 (for example)
 * @throws EcgInputError for a model config with an unknown key or a wrong type
 */
export async function fitAndEvaluate(o: FitEvaluateOptions): Promise<FitEvaluateResult> {
  const started = Date.now();
  const seeds = seedStreams(o.seed);
  const rows = (s: BeatArrays) =>
    Array.from({ length: s.n }, (_, i) => s.x.subarray(i * s.length * s.channels, (i + 1) * s.length * s.channels));
  const normalization =
    o.normalization && o.normalization !== 'none' ? fitNormalizer(o.normalization, rows(o.train)) : undefined;
  let train = normalize(o.train, normalization, o.clipAt);
  const validation = o.validation ? normalize(o.validation, normalization, o.clipAt) : undefined;
  const test = normalize(o.test, normalization, o.clipAt);
  if (o.oversample) {
    const picked = randomOversample(
      { x: train.x, y: train.y, n: train.n, length: train.length * train.channels },
      { seed: seeds.for('oversample') },
    );
    train = selectRows(train, picked.source, BEAT_ARRAYS_ROW_FIELDS);
  }
  let weights: Float32Array | undefined;
  if (o.classWeights) {
    const cap = o.maxClassWeight ?? 0;
    const cw = classWeights(train.y, o.classes.length).map((w) => (cap > 0 ? Math.min(w, cap) : w));
    weights = sampleWeights(train.y, cw);
  }
  const modelConfig = fitModelConfig(o.model, train, o.classes, o.seed);
  const model = o.initialModel ?? buildModel(modelConfig);
  const result = await trainModel(model, train, validation, {
    epochs: o.epochs,
    batchSize: o.batchSize,
    learningRate: o.learningRate,
    schedule: o.schedule,
    seed: seeds.for('training'),
    sampleWeight: weights,
    focalGamma: o.focalGamma,
    augmentBatch: o.mixupAlpha ? mixupBatch(o.mixupAlpha) : undefined,
    earlyStopping:
      o.earlyStoppingPatience && validation ? { patience: o.earlyStoppingPatience, restoreBest: true } : undefined,
    monitor: o.monitor,
    progress: o.progress,
    initialHistory: o.initialHistory,
    initialBestWeights: o.initialBestWeights,
    onEpochEnd: o.onEpochEnd,
  });
  const evalStarted = Date.now();
  const probs = await predictProbabilities(model, test);
  const report = evaluateClassifier(test.y, probs, o.classes, {
    threshold: o.threshold,
    decisionWeights: o.decisionWeights,
  });
  const evaluateSeconds = (Date.now() - evalStarted) / 1000;
  const parameters = model.countParams();
  if (!o.keepModel) model.dispose();
  return {
    report,
    history: result.history,
    bestEpoch: result.bestEpoch,
    stoppedEarly: result.stoppedEarly,
    probs,
    normalization,
    modelConfig,
    parameters,
    model: o.keepModel ? model : undefined,
    trainSeconds: (Date.now() - started) / 1000,
    evaluateSeconds,
    epochSeconds: result.epochSeconds,
  };
}
