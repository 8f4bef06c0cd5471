import { strict as assert } from 'assert';
import { fusedBatchNormWasm } from '../../../lib/engine/kernels/fused-batch-norm';
import { createRng, itInEveryMode, randomTensor, runKernelOn, assertCloseTo, type HostTensor } from '../kernel-harness';

const t = (values: number[], shape: number[]): HostTensor => ({ values: Float32Array.from(values), shape });

describe('engine/kernels/fused-batch-norm', () => {
  itInEveryMode('normalises a hand example per channel: y = (x − mean)·scale/√(variance + ε) + offset', () => {
    // Channel 0: (x − 1)·2/√4 = x − 1 → 0, 2; channel 1: (x − 2)·1/√1 + 10 → 10, 12.
    const inputs = {
      x: t([1, 2, 3, 4], [2, 2]),
      mean: t([1, 2], [2]),
      variance: t([4, 1], [2]),
      offset: t([0, 10], [2]),
      scale: t([2, 1], [2]),
    };
    const y = runKernelOn('wasm', 'FusedBatchNorm', inputs, { varianceEpsilon: 0 });
    assert.deepEqual([...y.values], [0, 10, 2, 12]);
    assert.deepEqual(y.shape, [2, 2]);
  });

  itInEveryMode('matches the cpu backend for per-channel, scalar and missing offset/scale parameters', () => {
    const rng = createRng(12);
    const shape = [3, 17, 6];
    const x = randomTensor(rng, shape);
    const pos = (h: HostTensor): HostTensor => ({ values: h.values.map(Math.abs), shape: h.shape });
    const cases: Record<string, Record<string, HostTensor>> = {
      'per channel': {
        x,
        mean: randomTensor(rng, [6]),
        variance: pos(randomTensor(rng, [6])),
        offset: randomTensor(rng, [6]),
        scale: randomTensor(rng, [6]),
      },
      scalars: { x, mean: t([0.5], [1]), variance: t([2], [1]), offset: t([-1], [1]), scale: t([3], [1]) },
      'no offset or scale': { x, mean: randomTensor(rng, [6]), variance: pos(randomTensor(rng, [6])) },
    };
    for (const [name, inputs] of Object.entries(cases)) {
      const attrs = { varianceEpsilon: 1e-3 };
      assertCloseTo(
        runKernelOn('wasm', 'FusedBatchNorm', inputs, attrs),
        runKernelOn('cpu', 'FusedBatchNorm', inputs, attrs),
        name,
      );
    }
  });

  itInEveryMode('hands parameters that are not per channel to the original kernel', () => {
    // A mean and variance of shape [2, 3] (per row and channel) are no per-channel layout.
    const rng = createRng(13);
    const inputs = {
      x: randomTensor(rng, [2, 3]),
      mean: randomTensor(rng, [2, 3]),
      variance: t([1, 2, 3, 4, 5, 6], [2, 3]),
    };
    const attrs = { varianceEpsilon: 1e-3 };
    assertCloseTo(
      runKernelOn('wasm', 'FusedBatchNorm', inputs, attrs),
      runKernelOn('cpu', 'FusedBatchNorm', inputs, attrs),
      'mean and variance per element',
    );
  });

  it('refuses an unsupported layout when there is no kernel to fall back to', () => {
    const k = fusedBatchNormWasm();
    const info = (shape: number[]) => ({ dataId: {}, shape, dtype: 'float32' as const });
    assert.throws(
      () =>
        k.kernelFunc({
          inputs: { x: info([2, 3]), mean: info([2, 3]), variance: info([3]) },
          backend: {},
          attrs: { varianceEpsilon: 0 },
        } as never),
      /FusedBatchNorm: unsupported parameter layout on wasm/,
    );
  });
});
