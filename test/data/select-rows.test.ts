import { strict as assert } from 'assert';
import { selectRows } from '../../lib/data';

describe('data/select-rows', () => {
  it('copies the declared per-row fields by their row width, keeping the rest', () => {
    const ds = {
      x: Float32Array.from([0, 1, 2, 3, 4, 5]),
      n: 3,
      length: 2,
      y: Int32Array.from([0, 1, 0]),
      record: ['100', '101', '102'],
      rr: Float32Array.from([1, 1, 1, 2, 2, 2, 3, 3, 3]),
      classes: ['N', 'S', 'V'],
    };
    const s = selectRows(ds, [2, 0], ['x', 'y', 'record', 'rr']);
    assert.equal(s.n, 2);
    assert.deepEqual(Array.from(s.x), [4, 5, 0, 1]);
    assert.deepEqual(s.y, Int32Array.from([0, 0]));
    assert.deepEqual(s.record, ['102', '100']);
    assert.deepEqual(Array.from(s.rr), [3, 3, 3, 1, 1, 1]);
    assert.deepEqual(s.classes, ['N', 'S', 'V']);
    assert.throws(() => selectRows(ds, [3], ['x']), /indices\[0\]: row 3; expected row indices 0..2/);
  });

  it('copies any field a dataset declares, and only those', () => {
    const ds = {
      n: 2,
      x: Float32Array.from([1, 2]),
      subject: ['a', 'b'],
      glucose: Float64Array.from([5.5, 3.1]),
      side: Float32Array.from([1, 2, 3, 4, 5, 6]),
      classes: ['normo', 'hypo'],
    };
    const s = selectRows(ds, [1], ['x', 'subject', 'glucose', 'side']);
    assert.deepEqual(s.subject, ['b']);
    assert.ok(s.glucose instanceof Float64Array);
    assert.deepEqual(Array.from(s.glucose), [3.1]);
    assert.deepEqual(Array.from(s.side), [4, 5, 6]);
    assert.deepEqual(s.classes, ['normo', 'hypo']);
    // Not declared: kept whole, as any other field.
    assert.deepEqual(Array.from(selectRows(ds, [1], ['x']).side), [1, 2, 3, 4, 5, 6]);
    // An optional field left out is skipped.
    assert.equal(selectRows({ n: 1, x: Float32Array.of(1), side: undefined }, [0], ['x', 'side']).side, undefined);
  });

  it('names a declared field that is not n rows', () => {
    const ds = { n: 2, x: Float32Array.from([1, 2, 3]), record: ['a', 'b', 'c', 'd'] };
    assert.throws(() => selectRows(ds, [0], ['x']), /dataset.x: field x holds 3 values; expected an array with a whole number/);
    assert.throws(() => selectRows(ds, [0], ['record']), /dataset.record: field record holds 4 values; expected one per row \(2\)/);
  });
});
