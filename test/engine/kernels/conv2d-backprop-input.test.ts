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

describe('engine/kernels/conv2dBackpropInput', () => {
  itInEveryMode('match the cpu backend over random shapes, strides and paddings', () => {
    const rng = createRng(31337);
    let cases = 0;
    for (let trial = 0; trial < 40; trial++) {
      const c = randomConvCase(rng, trial);
      const { x, filter, strides, pad } = c;
      const y = cpuConvOrSkip(c);
      if (!y) continue;
      const dy = randomTensor(rng, y.shape);
      const attrs = { strides, pad, dataFormat: 'NHWC', dimRoundingMode: undefined, inputShape: x.shape };
      const want = runKernelOn('cpu', 'Conv2DBackpropInput', { dy, filter }, attrs);
      const got = runKernelOn('wasm', 'Conv2DBackpropInput', { dy, filter }, attrs);
      assert.deepEqual(got.shape, want.shape);
      const err = maxRelError(got.values, want.values);
      assert.ok(
        err < 1e-5,
        `x ${x.shape} filter ${filter.shape} strides ${strides} pad ${JSON.stringify(pad)}: ${err}`,
      );
      cases++;
    }
    assert.ok(cases > 25, `only ${cases} cases ran`);
  });
});
