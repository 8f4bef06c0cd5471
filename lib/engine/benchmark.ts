import * as tf from '@tensorflow/tfjs';
import { createRng } from '../common';
import { referenceModel, REFERENCE_INPUT, type ReferenceModelName } from './reference-models';
import { adam } from './fused-adam';

/** Throughput of one model, in samples per second. */
export interface ModelThroughput {
  trainSamplesPerSec: number;
  predictSamplesPerSec: number;
}

/** Options of benchReferenceModels. */
export interface BenchOptions {
  models: readonly ReferenceModelName[];
  /** Length of one timed run, seconds. */
  seconds: number;
  /** Timed runs per figure; the best is kept (the machine is shared, so slow runs are noise). */
  repeats: number;
  /** Samples per batch, for training and prediction alike. */
  batchSize: number;
  seed: number;
}

/** Runs `step` repeatedly for about `seconds`; returns samples/s. */
async function timedRun(step: () => Promise<void> | void, seconds: number, batchSize: number): Promise<number> {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    await step();
    n++;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < seconds);
  return (n * batchSize) / elapsed;
}

/**
 * Measures training (Adam 1e-3 — the engine's fused drop-in, bit-identical to tf.train.adam — categorical cross-entropy, one batch per step) and prediction
 * throughput of the reference models on synthetic data (normal noise, cyclic labels) with the
 * current tfjs backend. Each figure is the best of `repeats` runs of about `seconds`, after three
 * warm-up batches.
 *
 * @example (await benchReferenceModels({ models: ['cnn'], seconds: 1, repeats: 1, batchSize: 64, seed: 1 })).cnn.trainSamplesPerSec // => e.g. 1300
 */
export async function benchReferenceModels(opts: BenchOptions): Promise<Record<string, ModelThroughput>> {
  const out: Record<string, ModelThroughput> = {};
  const { steps, channels, classes } = REFERENCE_INPUT;
  const batches = 8;
  const rng = createRng(opts.seed);
  const xs = new Float32Array(batches * opts.batchSize * steps * channels).map(() => rng.normal());
  const x = tf.tensor3d(xs, [batches * opts.batchSize, steps, channels]);
  const labels = tf.tensor1d(
    Array.from({ length: batches * opts.batchSize }, (_, i) => i % classes),
    'int32',
  );
  const y = tf.oneHot(labels, classes);
  const xb = tf.split(x, batches);
  const yb = tf.split(y, batches);
  try {
    for (const name of opts.models) {
      const model = referenceModel(name, opts.seed);
      const optimizer = adam(1e-3);
      model.compile({ optimizer, loss: 'categoricalCrossentropy' });
      let i = 0;
      const trainStep = async (): Promise<void> => {
        const k = i++ % batches;
        await model.trainOnBatch(xb[k], yb[k]);
      };
      const predictStep = (): void => {
        const k = i++ % batches;
        const p = model.predict(xb[k], { batchSize: opts.batchSize }) as tf.Tensor;
        p.dataSync();
        p.dispose();
      };
      for (let w = 0; w < 3; w++) await trainStep();
      let train = 0;
      for (let r = 0; r < opts.repeats; r++)
        train = Math.max(train, await timedRun(trainStep, opts.seconds, opts.batchSize));
      for (let w = 0; w < 3; w++) predictStep();
      let predict = 0;
      for (let r = 0; r < opts.repeats; r++)
        predict = Math.max(predict, await timedRun(predictStep, opts.seconds, opts.batchSize));
      out[name] = { trainSamplesPerSec: round1(train), predictSamplesPerSec: round1(predict) };
      model.dispose();
      optimizer.dispose();
    }
  } finally {
    tf.dispose([x, labels, y, ...xb, ...yb]);
  }
  return out;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
