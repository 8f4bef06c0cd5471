import { itInEveryMode, randomTensor, runKernelOn, forEachConvCase, assertCloseTo } from '../kernel-harness';

describe('engine/kernels/conv2dBackpropInput', () => {
  itInEveryMode('match the cpu backend over random shapes, strides and paddings', () => {
    forEachConvCase({ seed: 31337, trials: 40, minCases: 26 }, ({ c, y, what }, rng) => {
      const { x, filter, strides, pad } = c;
      const dy = randomTensor(rng, y.shape);
      const attrs = { strides, pad, dataFormat: 'NHWC', dimRoundingMode: undefined, inputShape: x.shape };
      const want = runKernelOn('cpu', 'Conv2DBackpropInput', { dy, filter }, attrs);
      assertCloseTo(runKernelOn('wasm', 'Conv2DBackpropInput', { dy, filter }, attrs), want, what);
    });
  });
});
