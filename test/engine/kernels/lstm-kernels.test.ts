import { strict as assert } from 'assert';
import { initBackend } from '../../../lib/engine';
import { createRng, randomTensor, runKernelOn, maxRelError, type HostTensor } from '../kernel-harness';
import { expectClose } from '../../helpers';

/**
 * The cpu forward kernel of one unit (D = U = 1) with no recurrence and no bias over the steps
 * `x` of one sequence, for gate kernels `kernel` = [i, f, c, o]: its outputs H, C, G, tanh C concatenated.
 */
function oneUnitForward(x: number[], kernel: number[], hardSigmoid: boolean): Float32Array | Int32Array {
  return runKernelOn(
    'cpu',
    'EcgLstmForward',
    {
      x: { values: Float32Array.from(x), shape: [1, x.length, 1] },
      kernel: { values: Float32Array.from(kernel), shape: [1, 4] },
      recurrentKernel: { values: new Float32Array(4), shape: [1, 4] },
      bias: { values: new Float32Array(4), shape: [4] },
    },
    { hardSigmoid },
  ).values;
}

describe('engine/kernels/lstm-kernels', () => {
  before(async () => {
    await initBackend();
  });

  it('runs two steps of one unit as worked out by hand (gate order i, f, c, o; h = o·tanh c)', () => {
    // D = U = 1, kernel [0, 0, 1, 0] (only the candidate sees x), no recurrence, no bias: every
    // sigmoid gate is σ(0) = ½. x = 1, 2: c₁ = ½·tanh 1, c₂ = ½·c₁ + ½·tanh 2, hₜ = ½·tanh cₜ.
    const out = oneUnitForward([1, 2], [0, 0, 1, 0], false);
    const c1 = 0.5 * Math.tanh(1);
    const c2 = 0.5 * c1 + 0.5 * Math.tanh(2);
    // Outputs in order: H [1,2,1], C [1,2,1], G [1,2,4], tanh C [1,2,1].
    expectClose(out.slice(0, 2), [0.5 * Math.tanh(c1), 0.5 * Math.tanh(c2)], 1e-6, 'h');
    expectClose(out.slice(2, 4), [c1, c2], 1e-6, 'c');
    expectClose(out.slice(4, 8), [0.5, 0.5, Math.tanh(1), 0.5], 1e-6, 'gates of step 1');
    expectClose(out.slice(12, 14), [Math.tanh(c1), Math.tanh(c2)], 1e-6, 'tanh c');
  });

  it("uses Keras' hard sigmoid clip(0.2z + 0.5, 0, 1) for the gates when asked", () => {
    // x = 1, kernel [1, 0, 1, 10]: i = 0.7, o = clip(2.5) = 1; c = 0.7·tanh 1, h = tanh c.
    const out = oneUnitForward([1], [1, 0, 1, 10], true);
    const c = 0.7 * Math.tanh(1);
    expectClose([out[0], out[1]], [Math.tanh(c), c], 1e-6);
    expectClose(out.slice(2, 6), [0.7, 0.5, Math.tanh(1), 1], 1e-6, 'gates');
  });

  it('gives the input gradient of Σ dh·H that central differences of the forward kernel give', () => {
    const rng = createRng(7);
    const [B, T, D, U] = [2, 3, 2, 3];
    const inputs: Record<string, HostTensor> = {
      x: randomTensor(rng, [B, T, D]),
      kernel: randomTensor(rng, [D, 4 * U]),
      recurrentKernel: randomTensor(rng, [U, 4 * U]),
      bias: randomTensor(rng, [4 * U]),
    };
    const dh = randomTensor(rng, [B, T, U]);
    const n = B * T * U;
    const loss = (x: HostTensor): number => {
      const h = runKernelOn('cpu', 'EcgLstmForward', { ...inputs, x }, { hardSigmoid: false }).values;
      let s = 0;
      for (let i = 0; i < n; i++) s += dh.values[i] * h[i];
      return s;
    };
    const fw = runKernelOn('cpu', 'EcgLstmForward', inputs, { hardSigmoid: false }).values;
    const back = runKernelOn(
      'cpu',
      'EcgLstmBackward',
      {
        x: inputs.x,
        kernel: inputs.kernel,
        recurrentKernel: inputs.recurrentKernel,
        h: { values: fw.slice(0, n), shape: [B, T, U] },
        c: { values: fw.slice(n, 2 * n), shape: [B, T, U] },
        gates: { values: fw.slice(2 * n, 6 * n), shape: [B, T, 4 * U] },
        tanhC: { values: fw.slice(6 * n), shape: [B, T, U] },
        dh,
      },
      { hardSigmoid: false },
    ).values;
    const eps = 1e-2;
    const numeric = Array.from(inputs.x.values, (_, i) => {
      const plus = Float32Array.from(inputs.x.values);
      const minus = Float32Array.from(inputs.x.values);
      plus[i] += eps;
      minus[i] -= eps;
      return (loss({ values: plus, shape: [B, T, D] }) - loss({ values: minus, shape: [B, T, D] })) / (2 * eps);
    });
    // dx comes first among the outputs; float32 forward passes bound the agreement to ~1e-3.
    assert.ok(maxRelError(back.slice(0, B * T * D), numeric) < 2e-3, `${back.slice(0, B * T * D)} vs ${numeric}`);
  });

  it('has kernels that agree between the wasm and cpu backends', async function () {
    if ((await initBackend()).backend !== 'wasm') this.skip();
    const rng = createRng(3);
    const [B, T, D, U] = [3, 5, 2, 4];
    const inputs = {
      x: randomTensor(rng, [B, T, D]),
      kernel: randomTensor(rng, [D, 4 * U]),
      recurrentKernel: randomTensor(rng, [U, 4 * U]),
      bias: randomTensor(rng, [4 * U]),
    };
    const fw = runKernelOn('cpu', 'EcgLstmForward', inputs, { hardSigmoid: false });
    assert.ok(
      maxRelError(runKernelOn('wasm', 'EcgLstmForward', inputs, { hardSigmoid: false }).values, fw.values) < 1e-5,
    );
    const n = B * T * U;
    const back = {
      x: inputs.x,
      kernel: inputs.kernel,
      recurrentKernel: inputs.recurrentKernel,
      h: { values: fw.values.slice(0, n), shape: [B, T, U] },
      c: { values: fw.values.slice(n, 2 * n), shape: [B, T, U] },
      gates: { values: fw.values.slice(2 * n, 6 * n), shape: [B, T, 4 * U] },
      tanhC: { values: fw.values.slice(6 * n), shape: [B, T, U] },
      dh: randomTensor(rng, [B, T, U]),
    };
    const want = runKernelOn('cpu', 'EcgLstmBackward', back, { hardSigmoid: false });
    assert.ok(
      maxRelError(runKernelOn('wasm', 'EcgLstmBackward', back, { hardSigmoid: false }).values, want.values) < 1e-5,
    );
  });
});
