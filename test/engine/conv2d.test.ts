import { strict as assert } from 'assert';
import { createRng, randomTensor, runKernelOn, wasmActive, maxRelError, wasmKernelModes, inKernelMode } from './kernelHarness';

describe('engine/kernels/conv2d', () => {
  before(async function () {
    if (!(await wasmActive())) this.skip();
  });

  for (const mode of wasmKernelModes()) {
    it(`${mode.name} kernels: Conv2D matches the cpu backend over random shapes, strides, paddings and dilations`, () =>
      inKernelMode(mode, () => {
        const rng = createRng(8675309);
        let cases = 0;
        for (let trial = 0; trial < 50; trial++) {
          const conv1d = trial % 2 === 0;
          const B = 1 + rng.int(3);
          const H = conv1d ? 1 : 1 + rng.int(9);
          const W = 1 + rng.int(trial % 5 === 4 ? 200 : 20);
          const FH = conv1d ? 1 : 1 + rng.int(Math.min(H, 3));
          const FW = 1 + rng.int(Math.min(W, 6));
          const Cin = 1 + rng.int(trial % 5 === 4 ? 40 : 5);
          const Cout = 1 + rng.int(trial % 5 === 4 ? 70 : 6);
          // tfjs allows dilation > 1 only with unit strides.
          const dilated = trial % 3 === 0;
          const strides = dilated ? [1, 1] : [conv1d ? 1 : 1 + rng.int(3), 1 + rng.int(3)];
          const dilations = dilated ? [conv1d ? 1 : 1 + rng.int(2), 1 + rng.int(3)] : [1, 1];
          const p = (['same', 'valid', 'explicit'] as const)[rng.int(3)];
          const pad = p === 'explicit' ? [[0, 0], [rng.int(3), rng.int(3)], [rng.int(3), rng.int(3)], [0, 0]] : p;
          const x = randomTensor(rng, [B, H, W, Cin]);
          const filter = randomTensor(rng, [FH, FW, Cin, Cout]);
          const attrs = { strides, pad, dataFormat: 'NHWC', dilations, dimRoundingMode: undefined };
          let want;
          try {
            want = runKernelOn('cpu', 'Conv2D', { x, filter }, attrs);
          } catch {
            continue; // a dilated filter wider than the padded input: no such convolution
          }
          if (want.values.length === 0) continue;
          const got = runKernelOn('wasm', 'Conv2D', { x, filter }, attrs);
          const what = `x ${x.shape} filter ${filter.shape} strides ${strides} dilations ${dilations} pad ${JSON.stringify(pad)}`;
          assert.deepEqual(got.shape, want.shape, what);
          assert.ok(maxRelError(got.values, want.values) < 1e-5, `${what}: error ${maxRelError(got.values, want.values)}`);
          cases++;
        }
        assert.ok(cases > 30, `only ${cases} cases ran`);
      }));
  }
});
