import { strict as assert } from 'assert';
import { createRng } from '../../lib/common';
import { glucoseAt, sampleGlucoseReadings, syntheticGlucoseTrajectory } from '../../lib/data';

describe('data/synthetic-glucose', () => {
  it('sizes dips so that a 5-min CGM, linearly interpolated, sees the requested share below 3.9 mmol/L', () => {
    for (const seed of [1, 2, 3]) {
      const hour = 3600000;
      const tr = syntheticGlucoseTrajectory({ startMs: 0, endMs: 8 * hour, hypoFraction: 0.1 }, createRng(seed));
      assert.equal(tr.dips.length, 2);
      // Noise-free CGM on the 5-min grid from 0, interpolated every 10 s; and the true curve.
      const grid = Array.from({ length: 8 * 12 + 1 }, (_, k) => glucoseAt(tr, k * 300000));
      let seen = 0;
      let truth = 0;
      let min = Infinity;
      for (let t = 5000; t < 8 * hour; t += 10000) {
        const k = Math.floor(t / 300000);
        const w = (t - k * 300000) / 300000;
        if (grid[k] + w * (grid[k + 1] - grid[k]) < 3.9) seen++;
        const g = glucoseAt(tr, t);
        if (g < 3.9) truth++;
        min = Math.min(min, g);
      }
      const share = seen / (8 * 360);
      assert.ok(Math.abs(share - 0.1) < 0.005, `seed ${seed}: CGM share ${share}`);
      // The CGM cuts the corners of each dip: the true time below is longer.
      assert.ok(truth > seen, `true ${truth} vs seen ${seen}`);
      assert.ok(min > 2.5, `min ${min}`);
    }
  });

  it('samples a CGM every 5 minutes (0.1 mmol/L steps) plus the asked number of manual readings, in time order', () => {
    const tr = syntheticGlucoseTrajectory({ startMs: 0, endMs: 3600000, hypoFraction: 0.1 }, createRng(4));
    const r = sampleGlucoseReadings(tr, 0, 3600000, 3, createRng(9));
    const cgm = r.filter((x) => x.type === 'cgm');
    // 0, 5, ..., 60 min: 13 readings.
    assert.deepEqual(cgm.map((x) => x.timeMs / 60000), [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
    assert.equal(r.length - cgm.length, 3);
    for (let i = 1; i < r.length; i++) assert.ok(r[i].timeMs >= r[i - 1].timeMs);
    for (const x of r) {
      assert.equal(Math.round(x.glucoseMmolL * 10) / 10, x.glucoseMmolL);
      // CGM noise is σ 0.1: 6σ plus rounding.
      if (x.type === 'cgm') assert.ok(Math.abs(x.glucoseMmolL - glucoseAt(tr, x.timeMs)) < 0.65);
    }
  });
});
