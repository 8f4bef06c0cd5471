import { strict as assert } from 'assert';
import { medianBeat, recordRelative } from '../../lib/data';

describe('data/recordRelative', () => {
  it('takes the element-wise median of a record’s beats', () => {
    // Beats [0,1], [2,3], [10,10]: medians 2 and 3; an even count averages the middle two.
    assert.deepEqual(Array.from(medianBeat(Float32Array.from([0, 1, 2, 3, 10, 10]), 3, 2)), [2, 3]);
    assert.deepEqual(Array.from(medianBeat(Float32Array.from([0, 1, 2, 3]), 2, 2)), [1, 2]);
  });

  it('interleaves each beat with itself minus its own record’s median beat', () => {
    // Record a: beats [0,1], [2,3], [10,10] (median [2,3]); record b: one beat [5,5] (median itself).
    const x = Float32Array.from([0, 1, 5, 5, 2, 3, 10, 10]);
    const out = recordRelative(x, 4, 2, ['a', 'b', 'a', 'a']);
    assert.deepEqual(Array.from(out), [0, -2, 1, -2, 5, 0, 5, 0, 2, 0, 3, 0, 10, 8, 10, 7]);
  });
});
