import { strict as assert } from 'assert';
import { perRecordRows, recordConfusions, worstRecords } from '../../lib/evaluation';

describe('evaluation/perRecordRows and worstRecords', () => {
  // Record 100: N→N ×3, S→N ×1, S→S ×1. Record 101: N→S ×2, N→N ×2. Record 102: N→N.
  const y = [0, 0, 0, 1, 1, 0, 0, 0, 0, 0];
  const p = [0, 0, 0, 0, 1, 1, 1, 0, 0, 0];
  const rec = ['100', '100', '100', '100', '100', '101', '101', '101', '101', '102'];
  const conf = recordConfusions(y, p, rec, ['N', 'S']);
  it('counts beats per class and gives Se / +P per record (null where undefined)', () => {
    const rows = perRecordRows(conf);
    assert.deepEqual(rows[0], {
      record: '100',
      beats: 5,
      'N beats': 3,
      'S beats': 2,
      'N Se %': 100,
      'N +P %': 75,
      'S Se %': 50,
      'S +P %': 100,
    });
    // Record 101 has no S beat (Se undefined) and two false S alarms (+P 0).
    assert.equal(rows[1]['S Se %'], null);
    assert.equal(rows[1]['S +P %'], 0);
  });
  it('names the records that lose the most beats of a class, missed beats first', () => {
    assert.deepEqual(worstRecords(conf, 'S', 5), [
      { record: '100', missed: 1, falseAlarms: 0, beats: 2 },
      { record: '101', missed: 0, falseAlarms: 2, beats: 0 },
    ]);
    assert.throws(() => worstRecords(conf, 'V', 1), /class 'V'/);
  });
});
