import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../../lib/common';
import {
  formatD1namoEcgTime,
  isSyntheticCohort,
  listD1namoSubjects,
  parseD1namoEcgCsv,
  parseD1namoEcgTime,
  parseD1namoGlucoseCsv,
  parseD1namoGlucoseTime,
  readD1namoEcgCsv,
  readD1namoGlucoseCsv,
  readD1namoSubject,
} from '../../lib/io';
import { expectClose, tempDir } from '../helpers';

/** Asserts that `fn` throws an EcgInputError whose message is exactly `message`. */
function throwsInput(fn: () => unknown, message: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof EcgInputError, `not an EcgInputError: ${String(e)}`);
    assert.equal(e.message, message);
    return true;
  });
}

const ecg = (rows: string[]): Buffer => Buffer.from(['Time,EcgWaveform', ...rows].join('\n') + '\n');

describe('io/d1namo', () => {
  describe('clock formats', () => {
    it('reads dd/mm/yyyy HH:MM:SS.fff as that wall-clock time in UTC', () => {
      assert.equal(parseD1namoEcgTime('01/10/2014 10:09:39.008'), Date.UTC(2014, 9, 1, 10, 9, 39, 8));
      assert.equal(parseD1namoEcgTime('01/10/2014 10:09:39.5'), Date.UTC(2014, 9, 1, 10, 9, 39, 500));
      assert.equal(parseD1namoGlucoseTime('2014-10-01', '10:14'), Date.UTC(2014, 9, 1, 10, 14, 0));
    });
    it('refuses impossible or malformed times with NaN', () => {
      for (const s of [
        '31/02/2014 10:00:00.000',
        '1/10/2014 10:00:00.000',
        '01/10/2014 24:00:00.000',
        '01/10/2014 10:00:00,000',
        '01/10/2014 10:00:00.',
      ]) {
        assert.ok(Number.isNaN(parseD1namoEcgTime(s)), s);
      }
      assert.ok(Number.isNaN(parseD1namoGlucoseTime('2014-13-01', '10:00:00')));
      assert.ok(Number.isNaN(parseD1namoGlucoseTime('2014-10-01', '10h00')));
    });
    it('formats and parses back to the same millisecond', () => {
      for (const t of [Date.UTC(2014, 9, 1, 0, 0, 0, 0), Date.UTC(2016, 1, 29, 23, 59, 59, 996)]) {
        assert.equal(parseD1namoEcgTime(formatD1namoEcgTime(t)), t);
      }
    });
  });

  describe('ECG CSV', () => {
    it('reads times and values', () => {
      const r = parseD1namoEcgCsv(
        ecg(['01/10/2014 10:00:00.000,2048', '01/10/2014 10:00:00.004,-3.5', '01/10/2014 10:00:01.000,1e2']),
        'e.csv',
      );
      assert.equal(r.n, 3);
      assert.deepEqual(Array.from(r.values), [2048, -3.5, 100]);
      assert.deepEqual(
        Array.from(r.timeMs, (t) => t - r.timeMs[0]),
        [0, 4, 1000],
      );
    });
    it('names file, line and expectation for each kind of bad row', () => {
      throwsInput(
        () => parseD1namoEcgCsv(Buffer.from('Time,Ecg\n'), 'e.csv'),
        'e.csv, line 1: header "Time,Ecg"; expected the header "Time,EcgWaveform"',
      );
      throwsInput(
        () => parseD1namoEcgCsv(ecg(['01/10/2014 10:00:00.000,1', '01/10/2014 10:00:00.004,1,2']), 'e.csv'),
        'e.csv, line 3: 3 columns; expected 2 columns (Time,EcgWaveform)',
      );
      throwsInput(
        () => parseD1namoEcgCsv(ecg(['01/10/2014 10:00:00.000']), 'e.csv'),
        'e.csv, line 2: 1 column; expected 2 columns (Time,EcgWaveform)',
      );
      throwsInput(
        () => parseD1namoEcgCsv(ecg(['01/10/2014 10:00:00.000,abc']), 'e.csv'),
        'e.csv, line 2: EcgWaveform "abc" is not a number; expected a finite number',
      );
      throwsInput(
        () => parseD1namoEcgCsv(ecg(['01/10/2014 10:00:00.000,NaN']), 'e.csv'),
        'e.csv, line 2: EcgWaveform "NaN" is not a number; expected a finite number',
      );
      throwsInput(
        () => parseD1namoEcgCsv(ecg(['01/10/2014 10:00:00.000,']), 'e.csv'),
        'e.csv, line 2: EcgWaveform "" is not a number; expected a finite number',
      );
      throwsInput(
        () => parseD1namoEcgCsv(ecg(['2014-10-01 10:00:00.000,1']), 'e.csv'),
        'e.csv, line 2: malformed time "2014-10-01 10:00:00.000"; expected a time dd/mm/yyyy HH:MM:SS.fff',
      );
      throwsInput(
        () => parseD1namoEcgCsv(ecg(['01/10/2014 10:00:00.008,1', '01/10/2014 10:00:00.004,1']), 'e.csv'),
        "e.csv, line 3: time 01/10/2014 10:00:00.004 is not after the previous row's; expected strictly increasing times",
      );
      throwsInput(
        () => parseD1namoEcgCsv(ecg(['01/10/2014 10:00:00.000,1', '', '01/10/2014 10:00:00.004,1']), 'e.csv'),
        'e.csv, line 3: empty line; expected 2 columns (Time,EcgWaveform)',
      );
      throwsInput(
        () => readD1namoEcgCsv('/nonexistent/x_ECG.csv'),
        '/nonexistent/x_ECG.csv: cannot read (ENOENT); expected a readable ECG CSV file',
      );
    });
  });

  describe('glucose.csv', () => {
    it('reads cgm and manual rows, with or without a comments column', () => {
      const g = parseD1namoGlucoseCsv(
        'date,time,glucose,type,comments\n2014-10-01,10:00:00,5.5,cgm,\n2014-10-01,10:02:00,6.1,manual,before lunch, walking\n',
        'g.csv',
      );
      assert.deepEqual(g.type, ['cgm', 'manual']);
      expectClose(g.glucoseMmolL, [5.5, 6.1], 1e-6);
      assert.equal(g.timeMs[1] - g.timeMs[0], 120000);
    });
    it('names file, line and expectation for each kind of bad row', () => {
      const h = 'date,time,glucose,type\n';
      throwsInput(
        () => parseD1namoGlucoseCsv('date,glucose\n', 'g.csv'),
        'g.csv, line 1: header "date,glucose"; expected the header "date,time,glucose,type" (optionally ",comments")',
      );
      throwsInput(
        () => parseD1namoGlucoseCsv(h + '2014-10-01,10:00:00,5.5\n', 'g.csv'),
        'g.csv, line 2: 3 columns; expected 4 columns (date,time,glucose,type)',
      );
      throwsInput(
        () => parseD1namoGlucoseCsv(h + '01/10/2014,10:00:00,5.5,cgm\n', 'g.csv'),
        'g.csv, line 2: malformed date or time "01/10/2014 10:00:00"; expected a date yyyy-mm-dd and a time HH:MM:SS',
      );
      throwsInput(
        () => parseD1namoGlucoseCsv(h + '2014-10-01,10:00:00,low,cgm\n', 'g.csv'),
        'g.csv, line 2: glucose "low" is not a plausible value; expected a number in mmol/L between 0.5 and 40',
      );
      throwsInput(
        () => parseD1namoGlucoseCsv(h + '2014-10-01,10:00:00,NaN,cgm\n', 'g.csv'),
        'g.csv, line 2: glucose "NaN" is not a plausible value; expected a number in mmol/L between 0.5 and 40',
      );
      // 110 looks like mg/dL: refused rather than read as 110 mmol/L.
      throwsInput(
        () => parseD1namoGlucoseCsv(h + '2014-10-01,10:00:00,110,cgm\n', 'g.csv'),
        'g.csv, line 2: glucose "110" is not a plausible value; expected a number in mmol/L between 0.5 and 40',
      );
      throwsInput(
        () => parseD1namoGlucoseCsv(h + '2014-10-01,10:00:00,5,bolus\n', 'g.csv'),
        'g.csv, line 2: type "bolus"; expected "cgm" or "manual"',
      );
      throwsInput(
        () => parseD1namoGlucoseCsv(h + '2014-10-01,10:05:00,5,cgm\n2014-10-01,10:00:00,5,cgm\n', 'g.csv'),
        "g.csv, line 3: 2014-10-01 10:00:00 is before the previous row's time; expected rows in time order",
      );
      throwsInput(
        () => parseD1namoGlucoseCsv(h + '2014-10-01,10:05:00,5,cgm\n2014-10-01,10:05:00,5,cgm\n', 'g.csv'),
        'g.csv, line 3: CGM reading at 2014-10-01 10:05:00 is not after the previous one; expected strictly increasing CGM times',
      );
      throwsInput(
        () => readD1namoGlucoseCsv('/nonexistent/glucose.csv'),
        '/nonexistent/glucose.csv: cannot read (ENOENT); expected a readable glucose.csv',
      );
    });
  });

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
