import { itInEveryMode, runKernelOn, convAttrs, forEachConvCase, assertCloseTo } from '../kernel-harness';

describe('engine/kernels/conv2d', () => {
  itInEveryMode('Conv2D matches the cpu backend over random shapes, strides, paddings and dilations', () => {
    forEachConvCase({ seed: 8675309, trials: 50, minCases: 31, dilated: true }, ({ c, y, what }) => {
      assertCloseTo(runKernelOn('wasm', 'Conv2D', { x: c.x, filter: c.filter }, convAttrs(c)), y, what);
    });
  });
});
