import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { danfo } from '../../lib/common';
import { detectorScoreFrame, referenceBeats, scoreDetector } from '../../lib/evaluation';
import { readAnnotations } from '../../lib/io';
import { tempDir } from '../helpers';

describe('evaluation/detectorScoreFrame', () => {
  // The shipped subset, whatever ECG_DATA_DIR says.
  const rec100 = path.join(__dirname, '..', '..', 'data', 'mitdb', '100');
  const ref = referenceBeats(readAnnotations(rec100));
  // Every second reference beat and one peak far from any: TP 1,137, FP 1, FN 1,136 of 2,273.
  const halfDetector = (): Int32Array =>
    Int32Array.from([...ref.filter((_, i) => i % 2 === 0), ref[ref.length - 1] + 1000]);

  it('has one row per record with the counts and percentages computed by hand', () => {
    const df = detectorScoreFrame(scoreDetector([rec100], halfDetector));
    assert.deepEqual(df.columns, ['record', 'reference', 'detected', 'TP', 'FP', 'FN', 'Se %', '+P %']);
    assert.deepEqual(df.dtypes, ['string', 'int32', 'int32', 'int32', 'int32', 'int32', 'float32', 'float32']);
    const row = df.values[0] as number[];
    assert.deepEqual(row.slice(0, 6), ['100', 2273, 1138, 1137, 1, 1136]);
    assert.ok(Math.abs(row[6] - (100 * 1137) / 2273) < 1e-9, `Se % ${row[6]}`);
    assert.ok(Math.abs(row[7] - (100 * 1137) / 1138) < 1e-9, `+P % ${row[7]}`);
  });

  it('gives NaN scores (not null) to a record without annotations, so describe() still counts the others', () => {
    const dir = tempDir();
    for (const ext of ['hea', 'dat']) fs.copyFileSync(`${rec100}.${ext}`, path.join(dir, `100.${ext}`));
    const df = detectorScoreFrame(scoreDetector([path.join(dir, '100'), rec100], () => ref));
    const bare = df.values[0] as number[];
    assert.equal(bare[2], 2273);
    assert.ok([1, 3, 4, 5, 6, 7].every((j) => Number.isNaN(bare[j])));
    const d = df.loc({ columns: ['TP'] }).describe();
    assert.deepEqual(d.column('TP').values.slice(0, 1), [1]);
  });

  it('labels the rows with a detector name, so two detectors concatenate and group like pandas', () => {
    const a = detectorScoreFrame(
      scoreDetector([rec100], () => ref),
      { detector: 'oracle' },
    );
    const b = detectorScoreFrame(scoreDetector([rec100], halfDetector), { detector: 'half' });
    const both = danfo().concat({ dfList: [a, b], axis: 0 }) as ReturnType<typeof detectorScoreFrame>;
    const g = both.groupby(['detector']).agg({ TP: 'sum', FN: 'sum' });
    assert.deepEqual(g.values, [
      ['oracle', 2273, 0],
      ['half', 1137, 1136],
    ]);
  });
});
