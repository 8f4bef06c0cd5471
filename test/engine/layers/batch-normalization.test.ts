import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../lib/engine';
import {
  batchNormTraining,
  batchNormalization,
  hasFusedBatchNorm,
} from '../../../lib/engine/layers/batch-normalization';
import { createRng, randomTensor, maxRelError } from '../kernel-harness';

describe('engine/layers/batchNormalization', () => {
  before(async function () {
    await initBackend();
    if (!hasFusedBatchNorm()) this.skip();
  });

  it('matches tf.moments + tf.batchNorm in values and in gradients for x, gamma and beta', () => {
    const rng = createRng(5);
    for (const shape of [
      [4, 7, 3],
      [2, 5, 1, 6],
      [9, 2],
      [3, 5, 8],
      [6, 11],
    ]) {
      const C = shape[shape.length - 1];
      const x = tf.tensor(
        randomTensor(rng, shape).values.map((v) => 3 * v + 1),
        shape,
      );
      const gamma = tf.tensor1d(randomTensor(rng, [C]).values);
      const beta = tf.tensor1d(randomTensor(rng, [C]).values);
      const w = tf.tensor(randomTensor(rng, shape).values, shape); // a loss Σ w·y gives non-trivial dy
      const axes = shape.slice(0, -1).map((_, i) => i);
      const stock = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
        const m = tf.moments(a, axes);
        return tf.sum(tf.mul(w, tf.batchNorm(a, m.mean, m.variance, b as tf.Tensor1D, g as tf.Tensor1D, 1e-3)));
      };
      const fused = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(w, batchNormTraining(a, g as tf.Tensor1D, b as tf.Tensor1D, 1e-3).y));
      const want = tf.grads(stock)([x, gamma, beta]);
      const got = tf.grads(fused)([x, gamma, beta]);
      for (let i = 0; i < 3; i++) {
        const err = maxRelError(got[i].dataSync(), want[i].dataSync());
        assert.ok(err < 1e-4, `shape ${shape} gradient ${i}: ${err}`);
      }
      const yWant = tf.batchNorm(x, tf.moments(x, axes).mean, tf.moments(x, axes).variance, beta, gamma, 1e-3);
      const r = batchNormTraining(x, gamma, beta, 1e-3);
      assert.ok(maxRelError(r.y.dataSync(), yWant.dataSync()) < 1e-5);
      assert.ok(maxRelError(r.variance.dataSync(), tf.moments(x, axes).variance.dataSync()) < 1e-5);
    }
  });

  it('trains like the stock layer: same outputs, moving statistics and weight updates', async () => {
    const make = (fused: boolean) => {
      const input = tf.input({ shape: [11, 4] });
      const bn = fused ? batchNormalization({ momentum: 0.9 }) : tf.layers.batchNormalization({ momentum: 0.9 });
      const out = tf.layers
        .dense({ units: 2, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) })
        .apply(tf.layers.flatten().apply(bn.apply(input))) as tf.SymbolicTensor;
      const m = tf.model({ inputs: input, outputs: out });
      m.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      return m;
    };
    const rng = createRng(8);
    const x = tf.tensor(randomTensor(rng, [16, 11, 4]).values, [16, 11, 4]);
    const y = tf.tensor(randomTensor(rng, [16, 2]).values, [16, 2]);
    const a = make(false);
    const b = make(true);
    for (let step = 0; step < 3; step++) {
      await a.trainOnBatch(x, y);
      await b.trainOnBatch(x, y);
    }
    const wa = a.getWeights();
    const wb = b.getWeights();
    assert.equal(wa.length, wb.length);
    for (let i = 0; i < wa.length; i++)
      assert.ok(maxRelError(wb[i].dataSync(), wa[i].dataSync()) < 1e-4, `weight ${i}`);
    assert.ok(maxRelError((b.predict(x) as tf.Tensor).dataSync(), (a.predict(x) as tf.Tensor).dataSync()) < 1e-4);
    assert.equal(b.layers[1].getClassName(), 'BatchNormalization');
  });
});
