import { strict as assert } from 'assert';
import { capPerClass } from '../../lib/train';

describe('train/capPerClass', () => {
  it('keeps at most max rows per class, ascending, and all rows of smaller classes', () => {
    const y = Int32Array.from([0, 0, 0, 0, 1, 2, 2]);
    const kept = capPerClass(y, [0, 1, 2, 3, 4, 5, 6], 2, 1);
    assert.deepEqual(
      Array.from(kept)
        .map((i) => y[i])
        .sort(),
      [0, 0, 1, 2, 2],
    );
    assert.deepEqual(
      Array.from(kept),
      [...kept].sort((a, b) => a - b),
    );
    assert.deepEqual(Array.from(capPerClass(y, [0, 1, 2, 3, 4, 5, 6], 2, 1)), Array.from(kept));
    assert.equal(capPerClass(y, [0, 1, 2, 3, 4, 5, 6], 0, 1).length, 7);
  });
});
