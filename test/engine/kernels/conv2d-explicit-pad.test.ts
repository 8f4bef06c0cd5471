import { strict as assert } from 'assert';
import { itInEveryMode, createRng, randomTensor, runKernelOn, maxRelError } from '../kernel-harness';

describe('engine/kernels/conv2d: tfjs-backend-wasm SAME padding with a stride wider than the filter', () => {
  itInEveryMode('Conv2D and FusedConv2D (bias, relu) agree with the cpu backend', () => {
    const rng = createRng(612);
    // The case the random tests found: 4×(6×12)×4 input, 1×2 filter, strides 3×2, 'same'.
    for (const [xs, fs, strides] of [
      [
        [4, 6, 12, 4],
        [1, 2, 4, 3],
        [3, 2],
      ],
      [
        [1, 6, 12, 1],
        [1, 2, 1, 1],
        [3, 1],
      ],
      [
        [2, 9, 9, 2],
        [2, 2, 2, 3],
        [3, 3],
      ],
    ]) {
      const x = randomTensor(rng, xs),
        filter = randomTensor(rng, fs),
        bias = randomTensor(rng, [fs[3]]);
      const attrs = {
        strides,
        pad: 'same',
        dataFormat: 'NHWC',
        dilations: [1, 1],
        dimRoundingMode: undefined,
        activation: 'relu',
      };
      for (const [kernel, inputs] of [
        ['Conv2D', { x, filter }],
        ['FusedConv2D', { x, filter, bias }],
      ] as const) {
        const want = runKernelOn('cpu', kernel, inputs, attrs);
        const got = runKernelOn('wasm', kernel, inputs, attrs);
        assert.deepEqual(got.shape, want.shape);
        assert.ok(
          maxRelError(got.values, want.values) < 1e-5,
          `${kernel} x ${xs} filter ${fs} strides ${strides}: ${maxRelError(got.values, want.values)}`,
        );
      }
    }
  });
});
