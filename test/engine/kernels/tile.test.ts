import { strict as assert } from 'assert';
import { itOnWasm, createRng, randomTensor, runKernelOn } from '../kernel-harness';
import { tileInto } from '../../../lib/engine/kernels/tile';

describe('engine/kernels/tile', () => {
  it('repeats a vector and a matrix as worked out by hand', () => {
    const out = new Float32Array(6);
    tileInto(new Float32Array([1, 2]), [2], [3], out);
    assert.deepEqual([...out], [1, 2, 1, 2, 1, 2]);
    // [[1,2],[3,4]] tiled [2,2]: rows [1,2,1,2],[3,4,3,4], then the two rows again.
    const m = new Float32Array(16);
    tileInto(new Float32Array([1, 2, 3, 4]), [2, 2], [2, 2], m);
    assert.deepEqual([...m], [1, 2, 1, 2, 3, 4, 3, 4, 1, 2, 1, 2, 3, 4, 3, 4]);
  });

  itOnWasm('matches the cpu backend on random shapes and repetitions, float32 and int32', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 60; trial++) {
      const rank = 1 + rng.int(5);
      const shape = Array.from({ length: rank }, () => 1 + rng.int(4));
      const reps = Array.from({ length: rank }, () => 1 + rng.int(4));
      const x = randomTensor(rng, shape);
      if (trial % 3 === 0) x.values = Int32Array.from(x.values, (v) => Math.round(v * 100));
      const want = runKernelOn('cpu', 'Tile', { x }, { reps });
      const got = runKernelOn('wasm', 'Tile', { x }, { reps });
      assert.deepEqual(got.shape, want.shape);
      assert.deepEqual([...got.values], [...want.values], `shape ${shape} reps ${reps}`);
    }
  });
});
