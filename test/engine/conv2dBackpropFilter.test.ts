import { strict as assert } from 'assert';
import { createRng, randomTensor, runKernelOn, wasmActive, maxRelError, wasmKernelModes, inKernelMode } from './kernelHarness';

describe('engine/kernels/conv2dBackpropFilter', () => {
  before(async function () {
    if (!(await wasmActive())) this.skip();
  });

  for (const mode of wasmKernelModes()) {
    it(`${mode.name} kernels: match the cpu backend over random shapes, strides and paddings`, () => inKernelMode(mode, () => {
      const rng = createRng(20240601);
      for (let trial = 0; trial < 40; trial++) {
        const B = 1 + rng.int(4);
        const conv1d = trial % 2 === 0; // half the cases have the H = 1 shape tf.conv1d produces
        const H = conv1d ? 1 : 1 + rng.int(9);
        const W = 1 + rng.int(20);
        const FH = conv1d ? 1 : 1 + rng.int(Math.min(H, 4));
        const FW = 1 + rng.int(Math.min(W, 6));
        const Cin = 1 + rng.int(trial % 5 === 4 ? 40 : 5); // some wider than a native register tile
        const Cout = 1 + rng.int(trial % 5 === 4 ? 70 : 6);
        const strides = [conv1d ? 1 : 1 + rng.int(3), 1 + rng.int(3)];
        const pads = ['same', 'valid', 'explicit'] as const;
        const p = pads[rng.int(3)];
        const pad = p === 'explicit' ? [[0, 0], [rng.int(3), rng.int(3)], [rng.int(3), rng.int(3)], [0, 0]] : p;
        const OH = outSize(H, FH, strides[0], p === 'explicit' ? (pad as number[][])[1] : p);
        const OW = outSize(W, FW, strides[1], p === 'explicit' ? (pad as number[][])[2] : p);
        if (OH <= 0 || OW <= 0) continue;
        const x = randomTensor(rng, [B, H, W, Cin]);
        const dy = randomTensor(rng, [B, OH, OW, Cout]);
        const attrs = { strides, pad, dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: [FH, FW, Cin, Cout] };
        const want = runKernelOn('cpu', 'Conv2DBackpropFilter', { x, dy }, attrs);
        const got = runKernelOn('wasm', 'Conv2DBackpropFilter', { x, dy }, attrs);
        const what = `case ${trial}: x ${x.shape} filter ${attrs.filterShape} strides ${strides} pad ${JSON.stringify(pad)}`;
        assert.deepEqual(got.shape, want.shape, what);
        assert.ok(maxRelError(got.values, want.values) < 1e-5, `${what}: error ${maxRelError(got.values, want.values)}`);
      }
    }));
  }
});

/** Output length of a convolution (tfjs's rule: same → ceil(n/s), valid → ceil((n−f+1)/s)). */
function outSize(n: number, f: number, s: number, pad: 'same' | 'valid' | number[]): number {
  if (pad === 'same') return Math.ceil(n / s);
  if (pad === 'valid') return Math.ceil((n - f + 1) / s);
  return Math.floor((n + pad[0] + pad[1] - f) / s) + 1;
}
