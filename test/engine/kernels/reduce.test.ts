import { strict as assert } from 'assert';
import { sumMiddle } from '../../../lib/engine/kernels/reduce';
import { itInEveryMode, createRng, randomTensor, runKernelOn, maxRelError } from '../kernel-harness';

describe('engine/kernels/reduce', () => {
  it('sums the middle axis as worked out by hand', () => {
    // [[1, 2], [3, 4]] summed over rows: [1 + 3, 2 + 4].
    const out = new Float32Array(2);
    sumMiddle(new Float32Array([1, 2, 3, 4]), 1, 2, 2, out);
    assert.deepEqual([...out], [4, 6]);
  });

  itInEveryMode('Sum and Mean match the cpu backend over random shapes, axes and keepDims', () => {
    const rng = createRng(21);
    for (let trial = 0; trial < 60; trial++) {
      const rank = 1 + rng.int(4);
      const shape = Array.from({ length: rank }, () => 1 + rng.int(7));
      const lo = rng.int(rank);
      const hi = lo + rng.int(rank - lo);
      const axis = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
      if (trial % 5 === 0) axis.reverse(); // order of the axes given must not matter
      const attrs = { axis, keepDims: rng.int(2) === 1 };
      const x = randomTensor(rng, shape);
      for (const k of ['Sum', 'Mean']) {
        const want = runKernelOn('cpu', k, { x }, attrs);
        const got = runKernelOn('wasm', k, { x }, attrs);
        assert.deepEqual(got.shape, want.shape, `${k} ${shape} axes ${axis}`);
        assert.ok(maxRelError(got.values, want.values) < 1e-5, `${k} ${shape} axes ${axis}`);
      }
    }
    // Non-contiguous axes go to tfjs's own kernel.
    const x = randomTensor(rng, [3, 4, 5]);
    const want = runKernelOn('cpu', 'Sum', { x }, { axis: [0, 2], keepDims: false });
    assert.ok(
      maxRelError(runKernelOn('wasm', 'Sum', { x }, { axis: [0, 2], keepDims: false }).values, want.values) < 1e-5,
    );
  });
});
