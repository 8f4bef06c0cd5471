import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../lib/engine';
import { batchNormGradSums, channelMoments } from '../../../lib/engine/kernels/batch-norm-kernels';
import { createRng, randomTensor, runKernelOn, maxRelError, wasmKernelModes, inKernelMode } from '../kernel-harness';

describe('engine/kernels/batch-norm-kernels', () => {
  before(async () => {
    await initBackend();
  });

  it('computes per-channel moments as worked out by hand', () => {
    // channel 0: 1, 3 → mean 2, variance ((1−2)² + (3−2)²)/2 = 1; channel 1: 10, 30 → 20, 100.
    const mean = new Float32Array(2);
    const variance = new Float32Array(2);
    channelMoments(new Float32Array([1, 10, 3, 30]), 2, mean, variance);
    assert.deepEqual([...mean, ...variance], [2, 20, 1, 100]);
  });

  it('matches tf.moments over all axes but the last, for channel counts on and off the groups of four', () => {
    const rng = createRng(4);
    for (const shape of [
      [6, 4],
      [3, 5, 7],
      [2, 9],
    ]) {
      const C = shape[shape.length - 1];
      const x = randomTensor(rng, shape).values as Float32Array;
      const mean = new Float32Array(C);
      const variance = new Float32Array(C);
      channelMoments(x, C, mean, variance);
      const m = tf.tidy(() => tf.moments(tf.tensor(x, shape), [...shape.keys()].slice(0, -1)));
      assert.ok(maxRelError(mean, m.mean.dataSync()) < 1e-6, `mean ${shape}`);
      assert.ok(maxRelError(variance, m.variance.dataSync()) < 1e-6, `variance ${shape}`);
      tf.dispose([m.mean, m.variance]);
    }
  });

  it('sums dy and dy·(x − μ) per channel as worked out by hand', () => {
    // Rows [1, 10], [3, 30], [5, 20] with means [3, 20]; dy rows [1, 2], [1, 0], [−1, 1]:
    // channel 0: Σdy = 1, Σdy·(x−μ) = 1·(−2) + 1·0 + (−1)·2 = −4;
    // channel 1: Σdy = 3, Σdy·(x−μ) = 2·(−10) + 0·10 + 1·0 = −20.
    const s1 = new Float32Array(2);
    const s2 = new Float32Array(2);
    batchNormGradSums(
      Float32Array.of(1, 10, 3, 30, 5, 20),
      Float32Array.of(1, 2, 1, 0, -1, 1),
      Float32Array.of(3, 20),
      2,
      s1,
      s2,
    );
    assert.deepEqual([...s1, ...s2], [1, 3, -4, -20]);
  });

  it('sums the same in the groups of four channels as in the remainder', () => {
    // Five identical channels: the first four go through the unrolled loop, the fifth through the tail.
    const rows = [1, 4, -2];
    const x = Float32Array.from(rows.flatMap((v) => [v, v, v, v, v]));
    const dy = Float32Array.from(rows.flatMap((v) => [v + 1, v + 1, v + 1, v + 1, v + 1]));
    const s1 = new Float32Array(5);
    const s2 = new Float32Array(5);
    batchNormGradSums(x, dy, new Float32Array(5).fill(1), 5, s1, s2);
    // Σdy = 2 + 5 − 1 = 6; Σdy·(x − 1) = 2·0 + 5·3 + (−1)·(−3) = 18.
    assert.deepEqual([...s1], [6, 6, 6, 6, 6]);
    assert.deepEqual([...s2], [18, 18, 18, 18, 18]);
  });

  for (const mode of wasmKernelModes()) {
    it(`has ${mode.name} kernels that agree exactly with the cpu backend's`, async function () {
      if ((await initBackend()).backend !== 'wasm') this.skip();
      await inKernelMode(mode, () => {
        const rng = createRng(11);
        for (const shape of [
          [37, 5],
          [64, 187, 32],
        ]) {
          const x = randomTensor(rng, shape);
          const dy = randomTensor(rng, shape);
          const m = runKernelOn('cpu', 'EcgChannelMoments', { x }, {});
          assert.ok(
            maxRelError(runKernelOn('wasm', 'EcgChannelMoments', { x }, {}).values, m.values) === 0,
            `moments ${shape}`,
          );
          const inputs = { x, dy, mean: randomTensor(rng, [shape[shape.length - 1]]) };
          const want = runKernelOn('cpu', 'EcgBatchNormGradSums', inputs, {}).values;
          assert.ok(
            maxRelError(runKernelOn('wasm', 'EcgBatchNormGradSums', inputs, {}).values, want) === 0,
            `grad sums ${shape}`,
          );
        }
      });
    });
  }
});
