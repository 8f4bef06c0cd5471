import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseD1namoEcgCsv, parseD1namoGlucoseCsv, readD1namoEcgCsv, readD1namoGlucoseCsv } from '../../lib/io';
import { expectClose, tempDir, throwsInput } from '../helpers';

const ecg = (rows: string[]): Buffer => Buffer.from(['Time,EcgWaveform', ...rows].join('\n') + '\n');

describe('io/d1namo-csv', () => {
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

  describe('files', () => {
    it('reads an ECG CSV and a glucose.csv from disk as parsing their bytes does (BOM and CRLF included)', () => {
      const dir = tempDir();
      try {
        const ecgFile = path.join(dir, 'x_ECG.csv');
        fs.writeFileSync(
          ecgFile,
          '\uFEFFTime,EcgWaveform\r\n01/10/2014 10:00:00.000,5\r\n01/10/2014 10:00:00.004,-7\r\n',
        );
        const e = readD1namoEcgCsv(ecgFile);
        assert.equal(e.file, ecgFile);
        assert.deepEqual(Array.from(e.values), [5, -7]);
        assert.deepEqual(Array.from(e.timeMs), [Date.UTC(2014, 9, 1, 10), Date.UTC(2014, 9, 1, 10) + 4]);
        const gFile = path.join(dir, 'glucose.csv');
        fs.writeFileSync(gFile, '\uFEFFdate,time,glucose,type\r\n2014-10-01,10:14,5.2,cgm\r\n');
        const g = readD1namoGlucoseCsv(gFile);
        assert.deepEqual(g.type, ['cgm']);
        assert.deepEqual(Array.from(g.timeMs), [Date.UTC(2014, 9, 1, 10, 14)]);
        expectClose(g.glucoseMmolL, [5.2], 1e-6);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
    it('names an empty ECG file', () => {
      throwsInput(
        () => parseD1namoEcgCsv(Buffer.alloc(0), 'e.csv'),
        'e.csv, line 1: empty file; expected the header "Time,EcgWaveform"',
      );
    });
  });
});
