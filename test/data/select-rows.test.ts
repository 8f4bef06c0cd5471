import { strict as assert } from 'assert';
import { selectRows } from '../../lib/data';

describe('data/select-rows', () => {
  it('copies x by rows and per-row fields element-wise, keeping the rest', () => {
    const ds = {
      x: Float32Array.from([0, 1, 2, 3, 4, 5]),
      n: 3,
      length: 2,
      y: Int32Array.from([0, 1, 0]),
      record: ['100', '101', '102'],
      rr: Float32Array.from([1, 1, 1, 2, 2, 2, 3, 3, 3]),
      classes: ['N', 'S', 'V'],
    };
    const s = selectRows(ds, [2, 0]);
    assert.equal(s.n, 2);
    assert.deepEqual(Array.from(s.x), [4, 5, 0, 1]);
    assert.deepEqual(s.y, Int32Array.from([0, 0]));
    assert.deepEqual(s.record, ['102', '100']);
    assert.deepEqual(Array.from(s.rr), [3, 3, 3, 1, 1, 1]);
    assert.deepEqual(s.classes, ['N', 'S', 'V']);
    assert.throws(() => selectRows(ds, [3]), /indices\[0\]: row 3; expected row indices 0..2/);
  });
});
