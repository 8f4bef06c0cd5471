import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../../lib/common';
import { d1namoEcgTable, d1namoGlucoseTable } from '../../lib/io';
import { tempDir } from '../helpers';

/** A two-subject cohort in the D1NAMO layout, small enough to check every value by hand. */
function tinyCohort(): string {
  const dir = tempDir();
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  write(
    'subject-a/glucose.csv',
    'date,time,glucose,type\n2014-10-01,10:00:00,5.2,cgm\n2014-10-01,10:05:00,3.6,cgm\n2014-10-01,10:07:00,3.4,manual\n',
  );
  // 250 Hz (4 ms steps) with the samples at 12 and 16 ms missing: one gap.
  write(
    'subject-a/sensor_data/s1/s1_ECG.csv',
    'Time,EcgWaveform\n' +
      ['00.000', '00.004', '00.008', '00.020', '00.024'].map((s, i) => `01/10/2014 10:00:${s},${2000 + i}`).join('\n') +
      '\n',
  );
  write('subject-b/glucose.csv', 'date,time,glucose,type\n2014-10-02,08:00:00,7.5,cgm\n');
  write(
    'subject-b/sensor_data/s2/s2_ECG.csv',
    'Time,EcgWaveform\n02/10/2014 08:00:00.000,1\n02/10/2014 08:00:00.004,2\n',
  );
  write(
    'subject-b/sensor_data/s3/s3_ECG.csv',
    'Time,EcgWaveform\n02/10/2014 09:00:00.000,1\n02/10/2014 09:01:00.000,2\n',
  );
  return dir;
}

describe('io/d1namo-tables', () => {
  const dir = tinyCohort();

  it('lists every glucose reading with its subject, wall-clock time and type', () => {
    const g = d1namoGlucoseTable(dir);
    assert.deepEqual(g.columns, ['subject', 'time', 'glucoseMmolL', 'type']);
    assert.deepEqual(g.dtypes, ['string', 'string', 'float32', 'string']);
    assert.deepEqual(g.shape, [4, 4]);
    assert.deepEqual(g.column('subject').values, ['subject-a', 'subject-a', 'subject-a', 'subject-b']);
    assert.deepEqual(g.column('time').values[2], '2014-10-01 10:07:00');
    assert.deepEqual(g.column('type').values, ['cgm', 'cgm', 'manual', 'cgm']);
    assert.deepEqual(g.column('glucoseMmolL').values, [5.2, 3.6, 3.4, 7.5].map(Math.fround));
    const low = g.groupby(['subject']).agg({ glucoseMmolL: 'min' });
    assert.deepEqual(low.column('glucoseMmolL_min').values, [Math.fround(3.4), Math.fround(7.5)]);
  });

  it('summarises each ECG file: span, samples, rate from the median step and the gaps', () => {
    const e = d1namoEcgTable(dir);
    assert.deepEqual(e.columns, ['subject', 'file', 'start', 'end', 'samples', 'minutes', 'fsHz', 'gaps']);
    assert.deepEqual(e.values, [
      [
        'subject-a',
        path.join('sensor_data', 's1', 's1_ECG.csv'),
        '2014-10-01 10:00:00',
        '2014-10-01 10:00:00',
        5,
        0.024 / 60,
        250,
        1,
      ],
      [
        'subject-b',
        path.join('sensor_data', 's2', 's2_ECG.csv'),
        '2014-10-02 08:00:00',
        '2014-10-02 08:00:00',
        2,
        0.004 / 60,
        250,
        0,
      ],
      [
        'subject-b',
        path.join('sensor_data', 's3', 's3_ECG.csv'),
        '2014-10-02 09:00:00',
        '2014-10-02 09:01:00',
        2,
        1,
        1000 / 60000,
        0,
      ],
    ]);
  });

  it('names the folder when it is not a cohort', () => {
    assert.throws(
      () => d1namoGlucoseTable(path.join(dir, 'nope')),
      (e: unknown) => e instanceof EcgInputError && e.message.startsWith(path.join(dir, 'nope')),
    );
  });
});
