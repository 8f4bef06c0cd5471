import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { formatD1namoEcgTime, isSyntheticCohort, listD1namoSubjects, readD1namoSubject } from '../../lib/io';
import { tempDir, throwsInput } from '../helpers';

const ecg = (rows: string[]): Buffer => Buffer.from(['Time,EcgWaveform', ...rows].join('\n') + '\n');

describe('io/d1namo', () => {
  describe('cohort folders', () => {
    it('lists subject folders holding a glucose.csv and reads one subject with its ECG files in path order', () => {
      const dir = tempDir();
      for (const [sub, files] of [
        ['p2', ['b/x_ECG.csv', 'a/y_ECG.csv']],
        ['p1', ['s1_ECG.csv']],
      ] as [string, string[]][]) {
        for (const f of files) {
          fs.mkdirSync(path.dirname(path.join(dir, sub, f)), { recursive: true });
          const t0 = Date.UTC(2014, 9, 1, 10, 0, 0, 0) + (f.startsWith('a') ? 0 : 60000);
          fs.writeFileSync(path.join(dir, sub, f), ecg([`${formatD1namoEcgTime(t0)},${f.length}`]));
        }
        fs.writeFileSync(path.join(dir, sub, 'glucose.csv'), 'date,time,glucose,type\n2014-10-01,10:00:00,4.4,cgm\n');
      }
      fs.mkdirSync(path.join(dir, 'notes'));
      assert.deepEqual(listD1namoSubjects(dir), ['p1', 'p2']);
      const p2 = readD1namoSubject(dir, 'p2');
      assert.equal(p2.subject, 'p2');
      // a/y_ECG.csv sorts before b/x_ECG.csv; each file holds one row whose value is its path length.
      assert.deepEqual(
        p2.ecgs.map((e) => e.values[0]),
        ['a/y_ECG.csv'.length, 'b/x_ECG.csv'.length],
      );
      assert.deepEqual(Array.from(p2.glucose.glucoseMmolL), [Math.fround(4.4)]);
      assert.equal(isSyntheticCohort(dir), false);
      fs.writeFileSync(path.join(dir, 'SYNTHETIC.md'), 'generated\n');
      assert.equal(isSyntheticCohort(dir), true);
      throwsInput(() => readD1namoSubject(dir, 'p3'), `${dir}: no subject folder "p3"; expected one of p1, p2`);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });
});
