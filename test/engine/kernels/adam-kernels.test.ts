import { strict as assert } from 'assert';
import { initBackend } from '../../../lib/engine';
import { adamStep } from '../../../lib/engine/kernels/adam-kernels';
import { createRng, randomTensor, runKernelOn } from '../kernel-harness';

describe('engine/kernels/adam-kernels', () => {
  it('takes the first Adam step worked out by hand', () => {
    // t = 1, g = 2, m = v = 0: m' = 0.1·2 = 0.2, v' = 0.001·4 = 0.004, m̂ = 0.2/0.1 = 2,
    // v̂ = 0.004/0.001 = 4, x' = 1 − 0.01·2/(√4 + 1e-7) ≈ 1 − 0.01 = 0.99.
    const out = [new Float32Array(1), new Float32Array(1), new Float32Array(1)];
    const k = Float32Array.from([0.9, 1 - 0.9, 0.999, 1 - 0.999, 1 - 0.9, 1 - 0.999, 1e-7, -0.01]);
    adamStep(Float32Array.of(1), Float32Array.of(2), Float32Array.of(0), Float32Array.of(0), k, out[0], out[1], out[2]);
    assert.ok(
      Math.abs(out[0][0] - 0.99) < 1e-6 && Math.abs(out[1][0] - 0.2) < 1e-7 && Math.abs(out[2][0] - 0.004) < 1e-8,
    );
  });

  it('takes a second step from non-zero moments as the Adam update rule gives it', () => {
    // t = 2, β1 0.9, β2 0.999, lr 0.1, ε 0; m = 0.5, v = 0.25, g = −1:
    // m' = 0.45 − 0.1 = 0.35, v' = 0.24975 + 0.001 = 0.25075, m̂ = 0.35/0.19, v̂ = 0.25075/0.001999,
    // x' = 3 − 0.1·m̂/√v̂ (float64 reference; the kernel rounds each step to float32).
    const k = Float32Array.from([0.9, 0.1, 0.999, 0.001, 1 - 0.81, 1 - 0.998001, 0, -0.1]);
    const out = [new Float32Array(1), new Float32Array(1), new Float32Array(1)];
    adamStep(
      Float32Array.of(3),
      Float32Array.of(-1),
      Float32Array.of(0.5),
      Float32Array.of(0.25),
      k,
      out[0],
      out[1],
      out[2],
    );
    const x = 3 - (0.1 * (0.35 / 0.19)) / Math.sqrt(0.25075 / 0.001999);
    assert.ok(Math.abs(out[1][0] - 0.35) < 1e-6, `m' ${out[1][0]}`);
    assert.ok(Math.abs(out[2][0] - 0.25075) < 1e-6, `v' ${out[2][0]}`);
    assert.ok(Math.abs(out[0][0] - x) < 1e-5, `x' ${out[0][0]} vs ${x}`);
  });

  it('updates every element independently and may write its outputs over its inputs', () => {
    const k = Float32Array.from([0.9, 0.1, 0.999, 0.001, 0.1, 0.001, 1e-7, -0.01]);
    const x = Float32Array.of(1, 1);
    const g = Float32Array.of(2, -2);
    const m = new Float32Array(2);
    const v = new Float32Array(2);
    adamStep(x, g, m, v, k, x, m, v); // in place, as the kernel's callers may do
    // The first step moves each weight by lr against the sign of its gradient (see the hand step above).
    assert.ok(Math.abs(x[0] - 0.99) < 1e-6 && Math.abs(x[1] - 1.01) < 1e-6, `${x}`);
    assert.deepEqual([m[0], m[1]], [Math.fround(0.2), Math.fround(-0.2)]);
  });

  it('has a kernel that agrees between the wasm and cpu backends', async function () {
    if ((await initBackend()).backend !== 'wasm') this.skip();
    const rng = createRng(2);
    const v = randomTensor(rng, [17]);
    v.values = v.values.map(Math.abs);
    const inputs = {
      x: randomTensor(rng, [17]),
      g: randomTensor(rng, [17]),
      m: randomTensor(rng, [17]),
      v,
      k: { values: Float32Array.from([0.9, 0.1, 0.999, 0.001, 0.19, 0.002, 1e-7, -0.001]), shape: [8] },
    };
    assert.deepEqual(
      [...runKernelOn('wasm', 'EcgAdamUpdate', inputs, {}).values],
      [...runKernelOn('cpu', 'EcgAdamUpdate', inputs, {}).values],
    );
  });
});
