import { strict as assert } from 'assert';
import * as path from 'path';
import { EcgInputError } from '../../lib/common';
import { beatTable, readBeatDataset } from '../../lib/data';
import { expectClose } from '../helpers';

describe('data/beat-table', () => {
  // The shipped subset: these two records are in data/mitdb whatever ECG_DATA_DIR says.
  const dir = path.join(__dirname, '..', '..', 'data', 'mitdb');
  const ds = readBeatDataset({ dir, records: ['100', '232'], preset: 187, filter: 'none', labels: 'binary' });
  const table = beatTable(ds);

  it('has one row per beat, the metadata columns and their dtypes', () => {
    assert.deepEqual(table.shape, [ds.n, 9]);
    assert.deepEqual(table.columns, [
      'record',
      'sample',
      'symbol',
      'aami',
      'label',
      'preRrSec',
      'postRrSec',
      'localRrSec',
      'averageRrSec',
    ]);
    assert.deepEqual(table.dtypes, ['string', 'int32', 'string', 'string', 'string', ...new Array(4).fill('float32')]);
  });

  it('gives the MIT-BIH directory counts per AAMI class through groupby: 100 N 2238 S 33 V 1, 232 N 398 S 1382', () => {
    // Record 232: 397 R + 1 j beats are AAMI N, its 1,382 A beats AAMI S (MIT-BIH directory).
    const g = table.groupby(['record', 'aami']).count();
    const rows = (g.values as unknown[][]).map((r) => `${r[0]} ${r[1]} ${r[2]}`);
    assert.deepEqual(rows.sort(), ['100 N 2238', '100 S 33', '100 V 1', '232 N 398', '232 S 1382']);
  });

  it('reads back the symbol and RR intervals of a hand-checked beat: the V of record 100 at sample 546,792', () => {
    // Annotations around it: N 546,599 · V 546,792 · N 547,199 (360 Hz).
    const i = ds.sample.indexOf(546792);
    const row = table.iloc({ rows: [i] }).values[0] as unknown[];
    assert.deepEqual(row.slice(0, 5), ['100', 546792, 'V', 'V', 'abnormal']);
    expectClose(row[5] as number, (546792 - 546599) / 360, 1e-6, 'preRrSec');
    expectClose(row[6] as number, (547199 - 546792) / 360, 1e-6, 'postRrSec');
    const second = table.iloc({ rows: [1] }).values[0] as unknown[];
    assert.deepEqual(second.slice(0, 5), ['100', 370, 'N', 'N', 'normal']);
    expectClose(second[5] as number, (370 - 77) / 360, 1e-6, 'preRrSec');
  });

  it('leaves the label column out for AAMI labels, where it would repeat aami', () => {
    const aami = readBeatDataset({ dir, records: ['100'], preset: 250, filter: 'none' });
    assert.deepEqual(beatTable(aami).columns.slice(0, 5), ['record', 'sample', 'symbol', 'aami', 'preRrSec']);
  });

  it('names the annotation file and beat when a beat is not in the annotations', () => {
    const moved = { ...ds, sample: Int32Array.from(ds.sample, (s, i) => (i === 3 ? s + 1 : s)) };
    assert.throws(
      () => beatTable(moved),
      (e: unknown) =>
        e instanceof EcgInputError &&
        e.message ===
          `${path.join(dir, '100.atr')}, beat 3: no beat annotation at sample ${ds.sample[3] + 1}; ` +
            'expected the annotations the dataset was cut from (options.annotationsDir)',
    );
  });
});
