import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../../lib/common';
import {
  formatE18,
  formatHeartbeatCsvRows,
  heartbeatCsvFrame,
  heartbeatCsvSummary,
  parseHeartbeatCsv,
  readHeartbeatCsv,
} from '../../lib/io';
import { tempDir } from '../helpers';

function throwsInput(fn: () => unknown, message: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof EcgInputError, String(e));
    assert.equal(e.message, message);
    return true;
  });
}

describe('io/heartbeat-csv', () => {
  it("writes numbers as numpy's %.18e does", () => {
    // Reference: /usr/bin/python3 -c "print('%.18e' % v)" for v = 0.0, 1.0, 0.5, 12.0,
    // float(numpy.float32(0.97794116)) (numpy 1.24.2) and 1e-100.
    assert.equal(formatE18(0), '0.000000000000000000e+00');
    assert.equal(formatE18(1), '1.000000000000000000e+00');
    assert.equal(formatE18(0.5), '5.000000000000000000e-01');
    assert.equal(formatE18(12), '1.200000000000000000e+01');
    assert.equal(formatE18(Math.fround(0.97794116)), '9.779411554336547852e-01');
    assert.equal(formatE18(1e-100), '1.000000000000000020e-100');
  });

  it('reads rows of samples and a float label, counting classes', () => {
    const text =
      '0.000000000000000000e+00,5.000000000000000000e-01,1.000000000000000000e+00\n1,0.25,3.000000000000000000e+00\r\n0.1,0.2,1e0\n\n';
    const h = parseHeartbeatCsv(Buffer.from(text), 'h.csv', { length: 2 });
    assert.equal(h.n, 3);
    assert.deepEqual(Array.from(h.x), [0, 0.5, 1, 0.25, Math.fround(0.1), Math.fround(0.2)]);
    assert.deepEqual(Array.from(h.y), [1, 3, 1]);
    assert.deepEqual(h.classCounts, [0, 2, 0, 1]);
  });

  it('round-trips float32 beats exactly through the text format', () => {
    const x = Float32Array.from({ length: 2 * 187 }, (_, i) => Math.fround(Math.abs(Math.sin(i * 0.37))));
    const y = Int32Array.from([4, 0]);
    const dir = tempDir();
    const file = path.join(dir, 'beats.csv');
    fs.writeFileSync(file, formatHeartbeatCsvRows(x, y, 187));
    const back = readHeartbeatCsv(file);
    assert.deepEqual(back.x, x);
    assert.deepEqual(back.y, y);
    assert.deepEqual(back.classCounts, [1, 0, 0, 0, 1]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names file, line and column for a wrong column count, a non-number, NaN or a bad label', () => {
    throwsInput(
      () => parseHeartbeatCsv(Buffer.from('0,1,0\n0,1\n'), 'h.csv', { length: 2 }),
      'h.csv, line 2: 2 columns; expected 3 columns (2 samples and a class label)',
    );
    throwsInput(
      () => parseHeartbeatCsv(Buffer.from('0,x,0\n'), 'h.csv', { length: 2 }),
      'h.csv, line 1, column 2: value "x" is not a number; expected a finite number',
    );
    throwsInput(
      () => parseHeartbeatCsv(Buffer.from('NaN,0,0\n'), 'h.csv', { length: 2 }),
      'h.csv, line 1, column 1: value "NaN" is not a number; expected a finite number',
    );
    throwsInput(
      () => parseHeartbeatCsv(Buffer.from('0,,0\n'), 'h.csv', { length: 2 }),
      'h.csv, line 1, column 2: value "" is not a number; expected a finite number',
    );
    throwsInput(
      () => parseHeartbeatCsv(Buffer.from('0,0,0.5\n'), 'h.csv', { length: 2 }),
      'h.csv, line 1, column 3: label "0.5"; expected a class index 0, 1, 2, … (written as a float)',
    );
    throwsInput(
      () => parseHeartbeatCsv(Buffer.from('0,0,0\n\n0,0,0\n'), 'h.csv', { length: 2 }),
      'h.csv, line 2: empty line; expected 3 comma-separated numbers',
    );
    throwsInput(
      () => readHeartbeatCsv('/nonexistent/h.csv'),
      '/nonexistent/h.csv: cannot read (ENOENT); expected a readable heartbeat CSV file',
    );
  });

  it('builds a danfo.js DataFrame with columns 0…186 and label', () => {
    const x = Float32Array.from({ length: 3 * 187 }, (_, i) => (i % 187) / 187);
    const df = heartbeatCsvFrame({ x, y: Int32Array.from([0, 2, 1]), n: 3, length: 187 });
    assert.deepEqual(df.shape, [3, 188]);
    assert.equal(df.columns[0], '0');
    assert.equal(df.columns[187], 'label');
    assert.deepEqual(df.column('label').values, [0, 2, 1]);
    assert.equal(df.column('1').values[2], Math.fround(1 / 187));
  });

  it('summarises each beat read from a file: label, samples before the zero padding, seconds at 125 Hz, mean', () => {
    const file = path.join(tempDir(), 'h.csv');
    fs.writeFileSync(
      file,
      formatHeartbeatCsvRows(Float32Array.from([1, 0.5, 0.25, 0, 0, 0.2, 0, 1, 0.4, 0.3]), Int32Array.from([0, 1]), 5),
    );
    const df = heartbeatCsvSummary(readHeartbeatCsv(file, { length: 5 }));
    assert.deepEqual(df.columns, ['label', 'samples', 'durationSec', 'mean']);
    assert.deepEqual(df.dtypes, ['int32', 'int32', 'float32', 'float32']);
    assert.deepEqual(df.column('label').values, [0, 1]);
    assert.deepEqual(df.column('samples').values, [3, 5]);
    assert.deepEqual(df.column('durationSec').values, [3 / 125, 5 / 125]);
    const mean = df.column('mean').values as number[];
    assert.ok(Math.abs(mean[0] - 1.75 / 3) < 1e-7 && Math.abs(mean[1] - 1.9 / 5) < 1e-7, String(mean));
  });
});
