import { strict as assert } from 'assert';
import { createRng } from '../../lib/common';
import { glucoseAt, sampleGlucoseReadings, syntheticGlucoseTrajectory } from '../../lib/data';

describe('data/synthetic-glucose', () => {
  it('spends about the requested share of time below 3.9 mmol/L and stays above 2.5', () => {
    for (const seed of [1, 2, 3]) {
      const hour = 3600000;
      const tr = syntheticGlucoseTrajectory({ startMs: 0, endMs: 8 * hour, hypoFraction: 0.1 }, createRng(seed));
      assert.equal(tr.dips.length, 2);
      let below = 0;
      let min = Infinity;
      for (let t = 0; t < 8 * hour; t += 10000) {
        const g = glucoseAt(tr, t);
        min = Math.min(min, g);
        if (g < 3.9) below++;
      }
      const share = below / (8 * 360);
      assert.ok(share > 0.08 && share < 0.12, `seed ${seed}: share ${share}`);
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
