import { strict as assert } from 'assert';
import { itInEveryMode, createRng, randomTensor, runKernelOn, maxRelError, type HostTensor } from '../kernel-harness';

// Add and Multiply of a tensor and one value per channel (bias adds, batch-norm scales), which
// the native kernels take over, beside shapes they leave to tfjs; and Relu.
describe('engine/kernels/channel ops (Add, Multiply, Relu)', () => {
  itInEveryMode(
    'Add and Multiply match the cpu backend for per-channel, same-shape and other broadcasts, in either order',
    () => {
      const rng = createRng(5150);
      const pairs: [number[], number[]][] = [
        [
          [64, 187, 32],
          [1, 1, 32],
        ],
        [[5952, 64], [64]],
        [[7, 3], [3]],
        [[2, 5, 1], [1]],
        [
          [4, 6],
          [4, 6],
        ],
        [
          [4, 6],
          [4, 1],
        ],
        [[6], []],
        [[3, 33], [33]],
        [[1, 70], [70]],
      ];
      for (const [sa, sb] of pairs) {
        for (const swap of [false, true]) {
          const a = randomTensor(rng, swap ? sb : sa);
          const b = randomTensor(rng, swap ? sa : sb);
          for (const op of ['Add', 'Multiply']) {
            const want = runKernelOn('cpu', op, { a, b }, {});
            const got = runKernelOn('wasm', op, { a, b }, {});
            assert.deepEqual(got.shape, want.shape, `${op} ${a.shape} ${b.shape}`);
            assert.ok(maxRelError(got.values, want.values) < 1e-6, `${op} ${a.shape} ${b.shape}`);
          }
        }
      }
    },
  );

  itInEveryMode("Relu zeroes negatives and keeps zeros, positives and NaN as tfjs's cpu backend", () => {
    const x: HostTensor = {
      values: Float32Array.of(-2, -0.5, 0, 0.25, 3, NaN, -Infinity, Infinity),
      shape: [2, 4],
    };
    const got = runKernelOn('wasm', 'Relu', { x }, {});
    const want = runKernelOn('cpu', 'Relu', { x }, {});
    assert.deepEqual(Array.from(got.values), Array.from(want.values));
    assert.deepEqual(Array.from(got.values), [0, 0, 0, 0.25, 3, NaN, 0, Infinity]);
    const big = randomTensor(createRng(3), [64, 93, 64]);
    assert.ok(
      maxRelError(
        runKernelOn('wasm', 'Relu', { x: big }, {}).values,
        runKernelOn('cpu', 'Relu', { x: big }, {}).values,
      ) === 0,
    );
  });
});
