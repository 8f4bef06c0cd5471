import { strict as assert } from 'assert';
import { itOnWasm, createRng, randomTensor, runKernelOn } from '../kernel-harness';
import { reverseInto } from '../../../lib/engine/kernels/reverse';

describe('engine/kernels/reverse', () => {
  it('reverses rows of a 2×2 matrix as worked out by hand', () => {
    const out = new Float32Array(4);
    reverseInto(new Float32Array([1, 2, 3, 4]), [2, 2], [0], out);
    assert.deepEqual([...out], [3, 4, 1, 2]);
  });

  itOnWasm('matches the cpu backend on random shapes and axes, float32 and int32', () => {
    const rng = createRng(13);
    for (let trial = 0; trial < 50; trial++) {
      const rank = 1 + rng.int(4);
      const shape = Array.from({ length: rank }, () => 1 + rng.int(5));
      const dims = [
        ...new Set(Array.from({ length: 1 + rng.int(rank) }, () => rng.int(rank) - (rng.int(2) ? rank : 0))),
      ];
      const x = randomTensor(rng, shape);
      if (trial % 3 === 0) x.values = Int32Array.from(x.values, (v) => Math.round(v * 100));
      const want = runKernelOn('cpu', 'Reverse', { x }, { dims });
      const got = runKernelOn('wasm', 'Reverse', { x }, { dims });
      assert.deepEqual([...got.values], [...want.values], `shape ${shape} dims ${dims}`);
    }
  });
});
