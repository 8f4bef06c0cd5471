import { strict as assert } from 'assert';
import * as path from 'path';
import { EcgInputError } from '../../lib/common';
import { readAnnotations, readRecord } from '../../lib/io';
import { referenceBeats } from '../../lib/evaluation';
import { heartbeatCsvBeats } from '../../lib/signal';
import { dataDir, expectClose } from '../helpers';

describe('signal/heartbeatCsvBeats', () => {
  it('gives one 187-sample row per peak, scaled to [0, 1], starting at the R peak, zero after 1.2 × median RR', () => {
    // SYNTHETIC: a 125 Hz signal (no resampling) with unit spikes every 100 samples (RR 0.8 s)
    // on a 0.5 offset, so every 10 s window has min 0.5 and max 1.5: spikes scale to 1, the rest to 0.
    const fs = 125;
    const x = new Float32Array(30 * fs).fill(0.5);
    const peaks: number[] = [];
    for (let p = 20; p < x.length; p += 100) {
      x[p] = 1.5;
      peaks.push(p);
    }
    const rows = heartbeatCsvBeats(x, fs, Int32Array.from(peaks));
    assert.equal(rows.length, peaks.length);
    for (const row of rows) assert.equal(row.length, 187);
    const r = rows[1];
    assert.equal(r[0], 1); // the R peak
    // 1.2 × 100 = 120 samples of signal (scaled 0 here), then zeros; the next spike lies at 100.
    assert.equal(r[100], 1);
    assert.ok(r.slice(120).every((v) => v === 0));
    assert.ok(r.every((v) => v >= 0 && v <= 1));
  });

  it('cuts a beat at the end of its 10 s window and uses the window’s own median RR', () => {
    const fs = 125;
    const x = new Float32Array(20 * fs);
    // Window 1 (0..1249): RR 50; window 2 (1250..2499): RR 125.
    const peaks = [100, 150, 200, 250, 1225, 1300, 1425, 1550, 1675];
    for (const p of peaks) x[p] = 1;
    const rows = heartbeatCsvBeats(x, fs, Int32Array.from(peaks));
    // Beat at 200: 1.2 × 50 = 60 samples → covers 250 (index 50), nothing from index 60 on.
    assert.equal(rows[2][50], 1);
    // Beat at 1225 lies in window 1: cut at 1250 (25 samples), although RR there is 50.
    assert.equal(rows[4][0], 1);
    // Beat at 1300: window 2, T = median(125, 125, 125, 125) → 150 samples reach 1425 (index 125).
    assert.equal(rows[5][125], 1);
  });

  it('resamples a 360 Hz record to 125 Hz: record 100’s beat rows start at the R peak, near the window maximum', () => {
    const rec = readRecord(path.join(dataDir(), '100'), { channels: [0], end: 360 * 20 });
    const peaks = referenceBeats(readAnnotations(path.join(dataDir(), '100'))).filter((p) => p < 360 * 20);
    const rows = heartbeatCsvBeats(rec.signals[0].mV, 360, peaks);
    assert.equal(rows.length, peaks.length);
    // Each row starts on its R wave: on the 8 ms grid of 125 Hz the annotation can fall one
    // sample before the maximum, so the larger of the first two values tops the next 80 ms and
    // lies high in the window's range (baseline wander keeps some R waves below 1).
    for (const row of rows.slice(0, 8)) {
      const r = Math.max(row[0], row[1]);
      assert.ok(r > 0.7 && row.slice(2, 10).every((v) => v < r), `row starts ${Array.from(row.slice(0, 10))}`);
    }
    expectClose(Math.max(...rows.map((r) => Math.max(...r))), 1, 0.02);
  });

  it('rejects peaks out of range or order and a single peak with EcgInputError', () => {
    const x = new Float32Array(1000);
    assert.throws(() => heartbeatCsvBeats(x, 125, Int32Array.of(5, 2000)), /peak 1/);
    assert.throws(() => heartbeatCsvBeats(x, 125, Int32Array.of(500, 100)), EcgInputError);
    assert.throws(() => heartbeatCsvBeats(x, 125, Int32Array.of(500)), EcgInputError);
  });
});
