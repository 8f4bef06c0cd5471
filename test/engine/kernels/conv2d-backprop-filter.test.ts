import { itInEveryMode, randomTensor, runKernelOn, forEachConvCase, assertCloseTo } from '../kernel-harness';

describe('engine/kernels/conv2dBackpropFilter', () => {
  itInEveryMode('match the cpu backend over random shapes, strides and paddings', () => {
    forEachConvCase({ seed: 20240601, trials: 40, minCases: 26 }, ({ c, y, what }, rng) => {
      const { x, filter, strides, pad } = c;
      const dy = randomTensor(rng, y.shape);
      const attrs = { strides, pad, dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: filter.shape };
      const want = runKernelOn('cpu', 'Conv2DBackpropFilter', { x, dy }, attrs);
      assertCloseTo(runKernelOn('wasm', 'Conv2DBackpropFilter', { x, dy }, attrs), want, what);
    });
  });
});
