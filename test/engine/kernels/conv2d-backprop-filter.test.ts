import { strict as assert } from 'assert';
import {
  itInEveryMode,
  createRng,
  randomTensor,
  runKernelOn,
  maxRelError,
  randomConvCase,
  cpuConvOrSkip,
} from '../kernel-harness';

describe('engine/kernels/conv2dBackpropFilter', () => {
  itInEveryMode('match the cpu backend over random shapes, strides and paddings', () => {
    const rng = createRng(20240601);
    let cases = 0;
    for (let trial = 0; trial < 40; trial++) {
      const c = randomConvCase(rng, trial);
      const { x, filter, strides, pad } = c;
      const y = cpuConvOrSkip(c); // gives dy's shape, and refuses impossible cases
      if (!y) continue;
      const dy = randomTensor(rng, y.shape);
      const attrs = { strides, pad, dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: filter.shape };
      const want = runKernelOn('cpu', 'Conv2DBackpropFilter', { x, dy }, attrs);
      const got = runKernelOn('wasm', 'Conv2DBackpropFilter', { x, dy }, attrs);
      const what = `case ${trial}: x ${x.shape} filter ${filter.shape} strides ${strides} pad ${JSON.stringify(pad)}`;
      assert.deepEqual(got.shape, want.shape, what);
      assert.ok(maxRelError(got.values, want.values) < 1e-5, `${what}: error ${maxRelError(got.values, want.values)}`);
      cases++;
    }
    assert.ok(cases > 25, `only ${cases} cases ran`);
  });
});
