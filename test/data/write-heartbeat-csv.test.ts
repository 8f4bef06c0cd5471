import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { heartbeatCsvBeatsOfRecord, writeHeartbeatCsv } from '../../lib/data';
import { isBeat, readAnnotations, readHeartbeatCsv, readRecord } from '../../lib/io';
import { heartbeatCsvBeats } from '../../lib/signal';
import { dataDir, tempDir } from '../helpers';

describe('data/write-heartbeat-csv', () => {
  const dir = dataDir();

  it('record 100 → one row per reference beat, counted per AAMI class (N 2,239, S 33, V 1)', () => {
    const r = heartbeatCsvBeatsOfRecord(dir, '100', { labels: 'aami5' });
    assert.deepEqual(r.classCounts, [2239, 33, 1, 0, 0]);
    assert.equal(r.unlabelled, 0);
    const bin = heartbeatCsvBeatsOfRecord(dir, '100', { labels: 'binary' });
    assert.deepEqual(bin.classCounts, [2239, 34]);
  });

  it('round-trips: the written file reads back as the beats of heartbeatCsvBeats and their labels', () => {
    const out = tempDir();
    const file = path.join(out, 'mitbih-heartbeats.csv');
    const w = writeHeartbeatCsv(file, ['100', '101'], dir, { labels: 'aami5' });
    const back = readHeartbeatCsv(file);
    assert.equal(back.n, w.n);
    // Rows per record add up, and record 101's rows start where record 100's 2273 beats end.
    assert.equal(w.rowsPerRecord[0] + w.rowsPerRecord[1], w.n);
    assert.equal(w.rowsPerRecord[0], 2273);
    assert.deepEqual(back.classCounts.concat(new Array(5 - back.classCounts.length).fill(0)), w.classCounts);
    // Row 0 is the first beat of record 100 exactly as lib/signal cuts it.
    const rec = readRecord(path.join(dir, '100'), { channels: [0] });
    const ann = readAnnotations(path.join(dir, '100'));
    const peaks = Int32Array.from(ann.samples.filter((_, i) => isBeat(ann.symbols[i])));
    const rows = heartbeatCsvBeats(rec.signals[0].mV, 360, peaks);
    assert.deepEqual(back.x.subarray(0, 187), rows[0]);
    assert.deepEqual(back.x.subarray(2272 * 187, 2273 * 187), rows[2272]);
    // Every line: 188 numbers written as %.18e.
    const first = fs.readFileSync(file, 'latin1').split('\n', 1)[0];
    assert.match(first, /^(-?\d\.\d{18}e[+-]\d{2},){187}\d\.\d{18}e[+-]\d{2}$/);
    assert.ok(!fs.readdirSync(out).some((f) => f.endsWith('.tmp')));
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('leaves no file behind when a record cannot be read', () => {
    const out = tempDir();
    const file = path.join(out, 'h.csv');
    assert.throws(() => writeHeartbeatCsv(file, ['100', 'nope'], dir), /nope\.hea: cannot read header \(ENOENT\)/);
    assert.deepEqual(fs.readdirSync(out), []);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
