import { strict as assert } from 'assert';
import {
  itInEveryMode,
  createRng,
  runKernelOn,
  maxRelError,
  randomConvCase,
  cpuConvOrSkip,
  convAttrs,
} from '../kernel-harness';

describe('engine/kernels/conv2d', () => {
  itInEveryMode('Conv2D matches the cpu backend over random shapes, strides, paddings and dilations', () => {
    const rng = createRng(8675309);
    let cases = 0;
    for (let trial = 0; trial < 50; trial++) {
      const c = randomConvCase(rng, trial, true);
      const { x, filter, strides, dilations, pad } = c;
      const want = cpuConvOrSkip(c);
      if (!want) continue;
      const got = runKernelOn('wasm', 'Conv2D', { x, filter }, convAttrs(c));
      const what = `x ${x.shape} filter ${filter.shape} strides ${strides} dilations ${dilations} pad ${JSON.stringify(pad)}`;
      assert.deepEqual(got.shape, want.shape, what);
      assert.ok(maxRelError(got.values, want.values) < 1e-5, `${what}: error ${maxRelError(got.values, want.values)}`);
      cases++;
    }
    assert.ok(cases > 30, `only ${cases} cases ran`);
  });
});
