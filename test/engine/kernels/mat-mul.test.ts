import { strict as assert } from 'assert';
import { itInEveryMode, createRng, randomTensor, runKernelOn, maxRelError } from '../kernel-harness';

describe('engine/kernels/matMul', () => {
  itInEveryMode('BatchMatMul matches the cpu backend for every transpose combination and batch broadcasting', () => {
    const rng = createRng(4242);
    for (let trial = 0; trial < 40; trial++) {
      // Every fourth case is larger than the native GEMM's register tile and k-slice.
      const big = trial % 4 === 3;
      const m = 1 + rng.int(big ? 40 : 9),
        k = 1 + rng.int(big ? 500 : 9),
        n = 1 + rng.int(big ? 70 : 9);
      const transposeA = rng.int(2) === 1,
        transposeB = rng.int(2) === 1;
      const batchA = 1 + rng.int(3);
      const batchB = rng.int(2) === 0 ? batchA : 1;
      const a = randomTensor(rng, [batchA, ...(transposeA ? [k, m] : [m, k])]);
      const b = randomTensor(rng, [batchB, ...(transposeB ? [n, k] : [k, n])]);
      const attrs = { transposeA, transposeB };
      const want = runKernelOn('cpu', 'BatchMatMul', { a, b }, attrs);
      const got = runKernelOn('wasm', 'BatchMatMul', { a, b }, attrs);
      assert.deepEqual(got.shape, want.shape);
      assert.ok(
        maxRelError(got.values, want.values) < 1e-5,
        `a ${a.shape} b ${b.shape} tA ${transposeA} tB ${transposeB}`,
      );
    }
  });

  itInEveryMode('_FusedMatMul (bias, relu) matches the cpu backend with transposed operands', () => {
    const rng = createRng(77);
    for (let trial = 0; trial < 20; trial++) {
      const m = 1 + rng.int(20),
        k = 1 + rng.int(40),
        n = 1 + rng.int(40);
      const transposeA = rng.int(2) === 1,
        transposeB = rng.int(2) === 1;
      const a = randomTensor(rng, [1, ...(transposeA ? [k, m] : [m, k])]);
      const b = randomTensor(rng, [1, ...(transposeB ? [n, k] : [k, n])]);
      const bias = randomTensor(rng, [n]);
      const attrs = { transposeA, transposeB, activation: trial % 2 ? 'relu' : 'linear', leakyreluAlpha: 0.2 };
      const want = runKernelOn('cpu', '_FusedMatMul', { a, b, bias }, attrs);
      const got = runKernelOn('wasm', '_FusedMatMul', { a, b, bias }, attrs);
      assert.ok(
        maxRelError(got.values, want.values) < 1e-5,
        `a ${a.shape} b ${b.shape} tA ${transposeA} tB ${transposeB}`,
      );
    }
  });
});
