import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../lib/common';
import { initBackend } from '../../lib/engine';
import { buildModel, defaultModelConfig, type ModelConfig } from '../../lib/models';
import { trainModel, type BeatArrays } from '../../lib/train';

// A synthetic (not ECG) two-class problem: class 1 windows carry a bump in their middle.
function synthetic(n: number, length: number, seed: number, classes = 2): BeatArrays {
  const rng = createRng(seed);
  const x = new Float32Array(n * length);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.int(classes);
    for (let t = 0; t < length; t++) {
      const bump = y[i] > 0 ? y[i] * Math.exp(-(((t - length / 2) / 3) ** 2)) : 0;
      x[i * length + t] = bump + 0.3 * rng.normal();
    }
  }
  return { x, n, length, channels: 1, y, sideFeatures: 0 };
}

const tiny: ModelConfig = {
  ...defaultModelConfig('cnn1d'),
  inputLength: 24,
  numClasses: 2,
  convBlocks: [{ filters: 4, kernelSize: 5, poolSize: 2 }],
  dense: [8],
  dropout: 0.2,
  seed: 3,
};

async function run(epochs: number, extra: Partial<Parameters<typeof trainModel>[3]> = {}, config = tiny) {
  const model = buildModel(config);
  const result = await trainModel(model, synthetic(96, 24, 1), synthetic(48, 24, 2), {
    epochs,
    batchSize: 16,
    learningRate: 0.01,
    seed: 7,
    ...extra,
  });
  const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
  model.dispose();
  return { ...result, weights };
}

describe('train/trainModel', () => {
  before(async () => {
    await initBackend();
  });

  it('repeats exactly: two runs with the same seed give identical history and weights', async () => {
    const a = await run(3);
    const b = await run(3);
    assert.deepEqual(a.history, b.history);
    assert.deepEqual(a.weights, b.weights);
    assert.equal(a.history.length, 3);
  });

  it('a different run seed (shuffle and dropout) gives different weights', async () => {
    const a = await run(2);
    const c = await run(2, { seed: 8 });
    assert.notDeepEqual(a.weights, c.weights);
  });

  it('learns the synthetic task (validation accuracy above 0.9 after 10 epochs)', async () => {
    // Without batch norm: with 6 steps an epoch its moving statistics (momentum 0.99) would still
    // be near their initial values at inference.
    const r = await run(10, {}, { ...tiny, batchNorm: false });
    const last = r.history[r.history.length - 1];
    assert.ok(last.valAccuracy! > 0.9, `val accuracy ${last.valAccuracy}`);
    assert.ok(last.loss < r.history[0].loss, 'training loss falls');
  });

  it('early stopping stops after `patience` epochs without improvement and restores the best weights', async () => {
    // Epoch 1 trains normally (lr 0.01); the step schedule then multiplies the rate by 1000 (lr 10),
    // which wrecks the model, so validation loss cannot improve after epoch 1 and patience 2 ends
    // the run after epoch 3.
    const model = buildModel(tiny);
    const saved: number[][][] = [];
    const r = await trainModel(model, synthetic(64, 24, 1), synthetic(32, 24, 2), {
      epochs: 20,
      batchSize: 16,
      learningRate: 0.01,
      seed: 7,
      monitor: 'valLoss',
      earlyStopping: { patience: 2, restoreBest: true },
      schedule: { type: 'step', everyEpochs: 1, factor: 1000 },
      onEpochEnd: (_e, m) => {
        saved.push(m.getWeights().map((w) => Array.from(w.dataSync())));
      },
    });
    assert.ok(r.stoppedEarly, 'stopped early');
    assert.deepEqual(
      r.history.map((h) => h.epoch),
      [1, 2, 3],
    );
    assert.equal(r.bestEpoch, 1);
    const now = model.getWeights().map((w) => Array.from(w.dataSync()));
    assert.deepEqual(now, saved[0]);
    assert.notDeepEqual(now, saved[2]);
    model.dispose();
  });

  it('resumes from a history: epochs continue after it with the same per-epoch seeds', async () => {
    const model = buildModel(tiny);
    const first = await trainModel(model, synthetic(64, 24, 1), undefined, {
      epochs: 1,
      batchSize: 16,
      learningRate: 0.01,
      seed: 7,
    });
    const resumed = await trainModel(model, synthetic(64, 24, 1), undefined, {
      epochs: 3,
      batchSize: 16,
      learningRate: 0.01,
      seed: 7,
      initialHistory: first.history,
    });
    assert.deepEqual(
      resumed.history.map((h) => h.epoch),
      [1, 2, 3],
    );
    assert.deepEqual(resumed.history[0], first.history[0]);
    model.dispose();
  });

  it('reports the step-schedule learning rate in the history', async () => {
    const r = await run(3, { schedule: { type: 'step', everyEpochs: 2, factor: 0.1 } });
    assert.deepEqual(
      r.history.map((h) => h.lr),
      [0.01, 0.01, 0.01 * 0.1],
    );
  });

  it('does not leak tensors across a run', async () => {
    const before = tf.memory().numTensors;
    await run(1);
    assert.equal(tf.memory().numTensors, before);
  });
});
