import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../../lib/common';
import { generateSyntheticCohort, interpolateGlucose, segmentD1namoCohort, segmentSignalQuality } from '../../lib/data';
import { formatD1namoEcgTime, readD1namoEcgCsv, readD1namoGlucoseCsv } from '../../lib/io';
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

describe('data/d1namo-segments', () => {
describe('glucose interpolation and signal checks', () => {
  it('interpolates linearly between CGM readings and refuses outside them or across long gaps', () => {
    const t = Float64Array.of(0, 300000, 1500000);
    const g = Float32Array.of(5, 3, 4);
    // 5 + (3 − 5) × 150/300 = 4;  5 + (3 − 5) × 240/300 = 3.4
    expectClose(interpolateGlucose(t, g, 150000, 900000), 4, 1e-12);
    expectClose(interpolateGlucose(t, g, 240000, 900000), 3.4, 1e-6);
    assert.equal(interpolateGlucose(t, g, 300000, 900000), 3);
    assert.ok(Number.isNaN(interpolateGlucose(t, g, -1, 900000)));
    assert.ok(Number.isNaN(interpolateGlucose(t, g, 1500001, 900000)));
    // 1,200,000 ms between the last two readings > 900,000 ms allowed.
    assert.ok(Number.isNaN(interpolateGlucose(t, g, 600000, 900000)));
    expectClose(interpolateGlucose(t, g, 600000, 1200000), 3.25, 1e-6);
  });
  it('calls constant or stuck signals flat and clipped ones saturated', () => {
    const sine = Float32Array.from({ length: 2500 }, (_, i) => Math.round(500 * Math.sin(i / 7)));
    assert.equal(segmentSignalQuality(sine, 0, 2500), 'ok');
    assert.equal(segmentSignalQuality(new Float32Array(2500).fill(3), 0, 2500), 'flat');
    const stuck = sine.slice();
    stuck.fill(17, 0, 1250);
    assert.equal(segmentSignalQuality(stuck, 0, 2500), 'flat');
    const clipped = sine.map((v) => Math.max(-300, Math.min(300, v)));
    assert.equal(segmentSignalQuality(clipped, 0, 2500), 'saturated');
  });
});

describe('cohort segments', () => {
  it('labels segments from the CGM at their midpoint and counts each reason for dropping one', () => {
    const dir = tempDir();
    const subject = path.join(dir, 'p1');
    const t0 = Date.UTC(2014, 9, 1, 10, 0, 0, 0);
    // Session 1: five 10-s windows. Window 1 loses 1 s of samples from its 1000th (a gap, which
    // also shifts later windows by 1 s); window 2 is constant; window 3 is a clipped sine.
    const rows: string[] = [];
    for (let i = 0; i < 5 * 2500; i++) {
      const w = Math.floor(i / 2500);
      const t = t0 + i * 4 + (i >= 2500 + 1000 ? 1000 : 0);
      let v = Math.round(2000 + 400 * Math.sin(i / 9) + 37 * Math.sin(i / 3.3));
      if (w === 2) v = 2100;
      if (w === 3) v = Math.max(1800, Math.min(2200, v));
      rows.push(`${formatD1namoEcgTime(t)},${v}`);
    }
    fs.mkdirSync(path.join(subject, 'sensor_data', 's1'), { recursive: true });
    fs.writeFileSync(path.join(subject, 'sensor_data', 's1', 's1_ECG.csv'), ecg(rows));
    // Session 2, at 11:00, after the last CGM reading: one whole window (no glucose) and 100 spare samples.
    const rows2 = Array.from(
      { length: 2600 },
      (_, i) => `${formatD1namoEcgTime(t0 + 3600000 + i * 4)},${Math.round(2000 + 300 * Math.sin(i / 5))}`,
    );
    fs.mkdirSync(path.join(subject, 'sensor_data', 's2'));
    fs.writeFileSync(path.join(subject, 'sensor_data', 's2', 's2_ECG.csv'), ecg(rows2));
    // An accelerometer export beside them is not an ECG file and is ignored.
    fs.writeFileSync(path.join(subject, 'sensor_data', 's1', 's1_Accel.csv'), 'Time,Vertical\n');
    // The manual reading would change every label if it were interpolated.
    fs.writeFileSync(
      path.join(subject, 'glucose.csv'),
      'date,time,glucose,type\n2014-10-01,10:00:00,4.4,cgm\n2014-10-01,10:00:20,9.9,manual\n2014-10-01,10:01:00,3.2,cgm\n',
    );
    const d = segmentD1namoCohort(dir);
    assert.deepEqual(d.dropped, { gap: 1, flat: 1, saturated: 1, noGlucose: 1 });
    assert.equal(d.n, 2);
    assert.equal(d.tailSamples, 100);
    assert.equal(d.synthetic, false);
    assert.deepEqual(d.subject, ['p1', 'p1']);
    assert.deepEqual(d.startTime, [t0, t0 + 41000]);
    // Window 0 midpoint: 2499 × 4 / 2 = 4,998 ms → 4.4 − 1.2 × 4.998/60 = 4.30004 (normal).
    // Window 4 starts at 41 s (40 s + the 1-s gap): midpoint 45.998 s → 4.4 − 1.2 × 45.998/60 = 3.48004 (hypo).
    expectClose(d.glucoseMmolL, [4.30004, 3.48004], 1e-5);
    assert.deepEqual(Array.from(d.y), [0, 1]);
    assert.equal(d.x.length, 2 * 2500);
    // Window 4's first value is row 4 × 2500 of the file.
    assert.equal(d.x[2500], Number(rows[4 * 2500].split(',')[1]));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a folder without subjects and a subject without ECG files', () => {
    const dir = tempDir();
    throwsInput(
      () => segmentD1namoCohort(dir),
      `${dir}: no subject folder with a glucose.csv; expected one folder per subject holding glucose.csv and ECG CSVs`,
    );
    fs.mkdirSync(path.join(dir, 'p1'));
    fs.writeFileSync(path.join(dir, 'p1', 'glucose.csv'), 'date,time,glucose,type\n');
    throwsInput(
      () => segmentD1namoCohort(dir, { subjects: ['p9'] }),
      `${dir}, options.subjects: no subject "p9"; expected one of p1`,
    );
    throwsInput(
      () => segmentD1namoCohort(dir),
      `${path.join(dir, 'p1')}: no *_ECG.csv file; expected ECG CSV files (Time,EcgWaveform) below the subject folder`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cuts a generated synthetic cohort into labelled 10-s segments that match its files', async () => {
    const root = tempDir();
    const dir = path.join(root, 'synthetic-d1namo');
    await generateSyntheticCohort({ dir, seed: 3, subjects: 2, minutesPerSubject: 6 });
    const d = segmentD1namoCohort(dir);
    assert.equal(d.synthetic, true);
    assert.equal(d.length, 2500);
    assert.equal(d.fsHz, 250);
    assert.deepEqual([...new Set(d.subject)], ['synthetic-001', 'synthetic-002']);
    // Each 6-min session has one flat, one clipped and one gap episode; CGM covers it all.
    assert.ok(d.dropped.gap >= 2 && d.dropped.flat >= 2 && d.dropped.saturated >= 2, JSON.stringify(d.dropped));
    assert.equal(d.dropped.noGlucose, 0);
    let windows = 0;
    for (const s of ['synthetic-001', 'synthetic-002']) {
      const g = readD1namoGlucoseCsv(path.join(dir, s, 'glucose.csv'));
      const cgm = g.type.map((t, i) => (t === 'cgm' ? i : -1)).filter((i) => i >= 0);
      const ecgFile = fs
        .readdirSync(path.join(dir, s, 'sensor_data'))
        .map((f) => path.join(dir, s, 'sensor_data', f, `${f}_ECG.csv`))[0];
      const e = readD1namoEcgCsv(ecgFile);
      windows += Math.floor(e.n / 2500);
      for (let i = 0; i < d.n; i++) {
        if (d.subject[i] !== s) continue;
        const from = e.timeMs.indexOf(d.startTime[i]);
        assert.ok(from >= 0 && from % 2500 === 0, `segment ${i} starts on the window grid`);
        assert.deepEqual(d.x.subarray(i * 2500, i * 2500 + 2500), e.values.subarray(from, from + 2500));
        const mid = (e.timeMs[from] + e.timeMs[from + 2499]) / 2;
        const expected = interpolateGlucose(
          Float64Array.from(cgm, (k) => g.timeMs[k]),
          Float32Array.from(cgm, (k) => g.glucoseMmolL[k]),
          mid,
          15 * 60000,
        );
        expectClose(d.glucoseMmolL[i], expected, 1e-5, `glucose of segment ${i}`);
        assert.equal(d.y[i], expected < 3.9 ? 1 : 0);
      }
    }
    // Every whole window is either kept or counted under one reason.
    assert.equal(d.n + d.dropped.gap + d.dropped.flat + d.dropped.saturated + d.dropped.noGlucose, windows);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
});
