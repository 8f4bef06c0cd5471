import * as tf from '@tensorflow/tfjs';
import { createRng, mixSeeds, shuffledIndices, type Rng } from '../common';
import { evaluateClassifier } from '../evaluation';
import { reseedDropout } from '../models';
import { gatherBatch, predictProbabilities, type Batch, type BeatArrays } from './beat-arrays';
import { monitoredValue, type EpochEntry, type Monitor } from './history';
import { learningRateAt, type LrSchedule } from './learning-rate';
import { silentProgress, type ProgressReporter } from './progress';
import { crossEntropy } from './weighted-loss';
import { trainStep } from './train-step';

/** Options of {@link trainModel}. */
export interface TrainOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  schedule?: LrSchedule;
  /** The run's seed: shuffles, dropout masks and batch augmentation derive from it. */
  seed: number;
  /** Per-beat loss weights of the training set (class weights expanded), default 1. */
  sampleWeight?: Float32Array;
  /** Focal-loss exponent γ (Lin et al. 2017); 0 or absent: cross-entropy. */
  focalGamma?: number;
  /**
   * Changes a batch before the step (e.g. mixup), drawing only from `rng`, which is seeded from
   * (run seed, epoch, step).
   */
  augmentBatch?: (batch: Batch, rng: Rng) => Batch;
  /** Stop after `patience` epochs without a new best `monitor`, then restore the best weights. */
  earlyStopping?: { patience: number; restoreBest: boolean };
  /** The validation figure early stopping, the plateau schedule and "best" watch (default valMacroF1). */
  monitor?: Monitor;
  progress?: ProgressReporter;
  /** Called after each epoch (e.g. to write checkpoints); `improved`: a new best monitored value. */
  onEpochEnd?: (
    entry: EpochEntry,
    model: tf.LayersModel,
    improved: boolean,
    history: EpochEntry[],
  ) => Promise<void> | void;
  /** To resume: the history of the epochs already trained (training continues after them). */
  initialHistory?: EpochEntry[];
  /** To resume: the weights of the best epoch in initialHistory, restored if nothing later beats it. */
  initialBestWeights?: tf.Tensor[];
}

/** What {@link trainModel} returns. */
export interface TrainResult {
  history: EpochEntry[];
  /** 1-based epoch whose weights the model holds at the end (the best one when restored). */
  bestEpoch: number;
  stoppedEarly: boolean;
  /** Wall-clock seconds per epoch (kept apart from the history, which must repeat exactly). */
  epochSeconds: number[];
}

/**
 * A seeded, deterministic training loop: each epoch shuffles with its own permutation from
 * (seed, epoch), reseeds every dropout layer from (seed, epoch), and takes one Adam step
 * (Kingma & Ba 2015) per batch with a per-sample weighted cross-entropy; validation figures
 * come from lib/evaluation. Re-running the same data and options on the same backend gives the same
 * history and weights. On resume the Adam moments start again from zero.
 *
 * @example const { history } = await trainModel(model, train, val, { epochs: 5, batchSize: 64, learningRate: 1e-3, seed: 42 })
 */
export async function trainModel(
  model: tf.LayersModel,
  train: BeatArrays,
  validation: BeatArrays | undefined,
  options: TrainOptions,
): Promise<TrainResult> {
  const progress = options.progress ?? silentProgress;
  const schedule = options.schedule ?? { type: 'constant' };
  const monitor: Monitor = options.monitor ?? 'valMacroF1';
  const columns = model.outputs[0].shape[1] as number;
  const numClasses = columns === 1 ? 2 : columns;
  const classes = Array.from({ length: numClasses }, (_, c) => String(c));
  const history: EpochEntry[] = [...(options.initialHistory ?? [])];
  const epochSeconds: number[] = [];
  const optimizer = tf.train.adam(options.learningRate);
  let best = -Infinity;
  let bestEpoch = history.length;
  let bestWeights: tf.Tensor[] | undefined = options.initialBestWeights?.map((w) => w.clone());
  for (const e of history) {
    const v = monitoredValue(e, monitor);
    if (v > best) {
      best = v;
      bestEpoch = e.epoch;
    }
  }
  let sinceBest = history.length - bestEpoch;
  let stoppedEarly = false;
  const steps = Math.ceil(train.n / options.batchSize);
  try {
    for (let epoch = history.length; epoch < options.epochs; epoch++) {
      const started = Date.now();
      const lr = learningRateAt(
        schedule,
        options.learningRate,
        epoch,
        history.map((h) => monitoredValue(h, monitor)),
      );
      // tfjs's Adam reads its learningRate field at every step; there is no public setter.
      (optimizer as unknown as { learningRate: number }).learningRate = lr;
      const order = shuffledIndices(train.n, createRng(mixSeeds(options.seed, 2 * epoch)));
      reseedDropout(model, mixSeeds(options.seed, 2 * epoch + 1));
      let lossSum = 0;
      for (let s = 0; s < steps; s++) {
        const idx = order.subarray(s * options.batchSize, Math.min(train.n, (s + 1) * options.batchSize));
        let batch = gatherBatch(train, idx, columns, options.sampleWeight);
        if (options.augmentBatch)
          batch = options.augmentBatch(batch, createRng(mixSeeds(mixSeeds(options.seed, 0x5eed + epoch), s)));
        const loss = trainStep(model, optimizer, batch, train, options.focalGamma ?? 0);
        if (!Number.isFinite(loss))
          throw new Error(
            `training diverged: loss ${loss} at epoch ${epoch + 1}, batch ${s + 1}; try a lower learning rate`,
          );
        lossSum += loss * batch.rows;
        progress.batch(epoch + 1, options.epochs, s + 1, steps, loss);
        // Let the event loop breathe so a terminal redraw and Ctrl-C get through.
        if (s % 20 === 19) await new Promise((r) => setImmediate(r));
      }
      const entry: EpochEntry = { epoch: epoch + 1, lr, loss: lossSum / train.n };
      if (validation && validation.n > 0) {
        const probs = await predictProbabilities(model, validation);
        const report = evaluateClassifier(validation.y, probs, classes, { maxCurvePoints: 2 });
        entry.valLoss = crossEntropy(probs, validation.y, columns);
        entry.valAccuracy = report.accuracy;
        entry.valBalancedAccuracy = report.balancedAccuracy;
        entry.valMacroF1 = report.macroF1;
      }
      const value = monitoredValue(entry, monitor);
      const improved = !Number.isNaN(value) ? value > best : true;
      if (improved) {
        best = Number.isNaN(value) ? best : value;
        bestEpoch = entry.epoch;
        sinceBest = 0;
        entry.best = true;
        if (options.earlyStopping?.restoreBest) {
          bestWeights?.forEach((t) => t.dispose());
          bestWeights = model.getWeights().map((w) => w.clone());
        }
      } else {
        sinceBest++;
      }
      history.push(entry);
      const seconds = (Date.now() - started) / 1000;
      epochSeconds.push(seconds);
      progress.epoch(entry, options.epochs, seconds);
      await options.onEpochEnd?.(entry, model, improved, history);
      if (options.earlyStopping && sinceBest >= options.earlyStopping.patience && epoch + 1 < options.epochs) {
        stoppedEarly = true;
        break;
      }
    }
    const last = history.length ? history[history.length - 1].epoch : 0;
    if (options.earlyStopping?.restoreBest && bestWeights && bestEpoch !== last) {
      model.setWeights(bestWeights);
    } else {
      bestEpoch = last;
    }
    return { history, bestEpoch, stoppedEarly, epochSeconds };
  } finally {
    bestWeights?.forEach((t) => t.dispose());
    optimizer.dispose();
  }
}
