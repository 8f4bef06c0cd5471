import { strict as assert } from 'assert';
import { itInEveryMode, createRng, randomTensor, runKernelOn, maxRelError } from '../kernel-harness';

describe('engine/kernels/maxPoolGrad', () => {
  itInEveryMode(
    'MaxPool and MaxPoolGrad match the cpu backend over random shapes, windows, strides and paddings, ties included',
    () => {
      const rng = createRng(99);
      let cases = 0;
      for (let trial = 0; trial < 60; trial++) {
        const pool1d = trial % 2 === 0; // tf.layers.maxPooling1d pools [B, T, 1, C]
        const B = 1 + rng.int(3);
        const H = 1 + rng.int(12);
        const W = pool1d ? 1 : 1 + rng.int(8);
        const C = 1 + rng.int(trial % 4 === 3 ? 40 : 4);
        const filterSize = [1 + rng.int(Math.min(H, 3)), pool1d ? 1 : 1 + rng.int(Math.min(W, 3))];
        const strides = [1 + rng.int(3), pool1d ? 1 : 1 + rng.int(3)];
        const pad = rng.int(2) === 0 ? 'same' : 'valid';
        const x = randomTensor(rng, [B, H, W, C]);
        // ReLU-like zeros and rounded values make ties, where the tie rule matters.
        if (trial % 3 === 0) x.values = x.values.map((v) => Math.max(0, Math.round(v)));
        const y = runKernelOn('cpu', 'MaxPool', { x }, { filterSize, strides, pad, dimRoundingMode: undefined });
        if (y.values.length === 0) continue;
        const dy = randomTensor(rng, y.shape);
        const attrs = { filterSize, strides, pad, dimRoundingMode: undefined };
        const yWasm = runKernelOn('wasm', 'MaxPool', { x }, attrs);
        assert.deepEqual(yWasm.shape, y.shape);
        assert.ok(
          maxRelError(yWasm.values, y.values) === 0,
          `MaxPool x ${x.shape} window ${filterSize} strides ${strides} ${pad}`,
        );
        const want = runKernelOn('cpu', 'MaxPoolGrad', { dy, input: x, output: y }, attrs);
        const got = runKernelOn('wasm', 'MaxPoolGrad', { dy, input: x, output: y }, attrs);
        assert.deepEqual(got.shape, want.shape);
        assert.ok(
          maxRelError(got.values, want.values) < 1e-6,
          `x ${x.shape} window ${filterSize} strides ${strides} ${pad}`,
        );
        cases++;
      }
      assert.ok(cases > 40);
    },
  );
});
