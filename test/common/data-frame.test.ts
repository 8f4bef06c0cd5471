import { strict as assert } from 'assert';
import { columnFrame, dataFrame } from '../../lib/common';

describe('common/data-frame', () => {
  it('keeps record names as strings (danfo alone would read "100" as the number 100)', () => {
    const df = dataFrame([
      { record: '100', beats: 2273, se: 0.995 },
      { record: '101', beats: 1865, se: 0.999 },
    ]);
    assert.deepEqual(df.dtypes, ['string', 'int32', 'float32']);
    assert.deepEqual(df.column('record').values, ['100', '101']);
    // Grouping by record averages the numbers only, not the record names.
    assert.deepEqual(df.groupby(['record']).col(['beats']).mean().values, [
      ['100', 2273],
      ['101', 1865],
    ]);
  });

  it('makes null in a numeric column NaN, so describe() counts only the values', () => {
    const df = dataFrame([{ x: 1 }, { x: null }, { x: 3 }]);
    assert.ok(Number.isNaN(df.column('x').values[1]));
    assert.equal(df.describe().column('x').values[0], 2);
    assert.equal(df.describe().column('x').values[3], 1);
  });

  it('reads a column that mixes numbers and text as a string column, as danfo would', () => {
    assert.deepEqual(dataFrame([{ gap: 1.5 }, { gap: '—' }]).dtypes, ['string']);
  });

  it('builds a frame from typed-array columns in the order given', () => {
    const df = columnFrame({
      record: ['100', '101'],
      beats: Int32Array.of(2273, 1865),
      rr: Float32Array.of(0.5, 0.75),
    });
    assert.deepEqual(df.columns, ['record', 'beats', 'rr']);
    assert.deepEqual(df.dtypes, ['string', 'int32', 'float32']);
    assert.deepEqual(df.values, [
      ['100', 2273, 0.5],
      ['101', 1865, 0.75],
    ]);
    assert.deepEqual(df.sortValues('beats').column('record').values, ['101', '100']);
  });

  it('refuses columns of different lengths, and rows with keys the first row lacks', () => {
    assert.throws(() => columnFrame({ a: [1, 2], b: [1] }), /column 'b' has 1 values, column 'a' has 2/);
    assert.throws(() => dataFrame([{ a: 1 }, { a: 2, b: 3 }]), /row 1 has column\(s\) b that row 0 lacks/);
  });
});
