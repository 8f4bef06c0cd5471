import { strict as assert } from 'assert';
import { createRng } from '../../lib/common';
import { minMaxDownsample } from '../../lib/viz';

describe('viz/minMaxDownsample', () => {
  it('keeps the min and the max of each bucket, in time order (hand example)', () => {
    // 6 samples, 2 buckets [0,3) and [3,6): bucket 0 min 0 @0, max 5 @1; bucket 1 max 2 @3 (first of
    // the two 2s), min −3 @4.
    assert.deepEqual(Array.from(minMaxDownsample([0, 5, 1, 2, -3, 2], 2)), [0, 1, 3, 4]);
  });

  it('returns every index when there are at most 2 points per bucket', () => {
    assert.deepEqual(Array.from(minMaxDownsample([3, 1, 2, 4], 2)), [0, 1, 2, 3]);
  });

  it("on a 30-s strip at 360 Hz keeps each of 900 buckets' extremes, ascending, in ≤ 1800 points", () => {
    const rng = createRng(7);
    const n = 30 * 360;
    const x = Float32Array.from({ length: n }, () => rng.normal());
    const kept = minMaxDownsample(x, 900);
    assert.ok(kept.length <= 1800 && kept.length >= 900, `kept ${kept.length}`);
    for (let k = 1; k < kept.length; k++) assert.ok(kept[k] > kept[k - 1], 'strictly ascending');
    const keptSet = new Set(kept);
    for (let b = 0; b < 900; b++) {
      // 10800 / 900 = 12 samples per bucket exactly.
      const idx = Array.from({ length: 12 }, (_, j) => b * 12 + j);
      const values = idx.map((i) => x[i]);
      const keptValues = idx.filter((i) => keptSet.has(i)).map((i) => x[i]);
      assert.equal(Math.min(...keptValues), Math.min(...values), `min of bucket ${b}`);
      assert.equal(Math.max(...keptValues), Math.max(...values), `max of bucket ${b}`);
    }
  });

  it('keeps a single index for a flat bucket', () => {
    assert.deepEqual(Array.from(minMaxDownsample([1, 1, 1, 1, 1, 1, 7, 0, 1], 3)), [0, 3, 6, 7]);
  });
});
