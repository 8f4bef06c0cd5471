import { strict as assert } from 'assert';
import { beatsOfClass } from '../../lib/data';

describe('data/beats-of-class', () => {
  // Six rows of length 1 whose value is the row number; class 1 holds rows 1, 2, 4, 5.
  const ds = { x: new Float32Array([0, 1, 2, 3, 4, 5]), length: 1, y: new Int32Array([0, 1, 1, 0, 1, 1]) };

  it('spreads the picked rows over the whole class', () => {
    // 2 of 4 rows: positions floor(0·4/2) = 0 and floor(1·4/2) = 2 → rows 1 and 4.
    assert.deepEqual(beatsOfClass(ds, 1, 2).map((r) => r[0]), [1, 4]);
  });

  it('returns every row when the class has fewer than max, and none for an absent class', () => {
    assert.deepEqual(beatsOfClass(ds, 1, 10).map((r) => r[0]), [1, 2, 4, 5]);
    assert.deepEqual(beatsOfClass(ds, 7, 10), []);
  });
});
