import { strict as assert } from 'assert';
import { thresholdCrossingFraction, vfFilterLeakage } from '../../lib/signal';
import { expectClose } from '../helpers';

const sine = (hz: number, fsHz: number, n: number) =>
  Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * hz * i) / fsHz));

describe('signal/vfFilterLeakage', () => {
  it('estimates the half period of a sinusoid and cancels it (leakage ≈ 0)', () => {
    // 4 Hz at 360 Hz: ω = 2π·4/360 rad/sample. Over whole periods mean|x| = 2/π and
    // mean|Δx| = 2·sin(ω/2)·2/π, so π·Σ|x|/Σ|Δx| = π/(2·sin(ω/2)) = 45.01 → N = 45 samples,
    // exactly half of the 90-sample period, and x[i] + x[i−45] = sin θ + sin(θ − π) = 0.
    const { leakage, halfPeriod } = vfFilterLeakage(sine(4, 360, 1440));
    assert.equal(halfPeriod, 45);
    assert.ok(leakage < 1e-3, `leakage ${leakage}`);
  });

  it('leaves a train of isolated unit impulses whole (leakage 1)', () => {
    // Four one-sample pulses: Σ|x| = 4, Σ|Δx| = 8 (up and down), N = ⌊π·4/8 + ½⌋ = 2; no pulse
    // meets a delayed pulse, so Σ|x[i] + x[i−2]| = Σ(|x[i]| + |x[i−2]|) = 8.
    const x = new Float64Array(1440);
    for (const p of [100, 460, 820, 1180]) x[p] = 1;
    const { leakage, halfPeriod } = vfFilterLeakage(x);
    assert.equal(halfPeriod, 2);
    expectClose(leakage, 1, 1e-12, 'leakage');
  });

  it('calls a flat window not sinusoidal (leakage 1, no period)', () => {
    assert.deepEqual(vfFilterLeakage(new Float64Array(100).fill(0.3)), { leakage: 1, halfPeriod: Infinity });
  });
});

describe('signal/thresholdCrossingFraction', () => {
  it('counts the samples beyond a fifth of the largest magnitude', () => {
    // max |x| = 1, threshold 0.2: only 1 and −0.5 exceed it → 2 of 5.
    expectClose(thresholdCrossingFraction(Float64Array.of(0, 0.1, 1, -0.5, 0.15)), 0.4, 1e-15);
    // threshold 0.6 at level 0.6: only the 1.
    expectClose(thresholdCrossingFraction(Float64Array.of(0, 0.1, 1, -0.5, 0.15), 0.6), 0.2, 1e-15);
  });

  it('is 1 − 2·asin(0.2)/π ≈ 0.872 for a sinusoid (no baseline) and 0 for silence', () => {
    // |sin θ| ≤ 0.2 on 4·asin(0.2) of every 2π, i.e. 2 × 5.77 of the 90 samples of a 4 Hz period
    // at 360 Hz; each of the two dead zones holds 5 or 6 whole samples, so allow 2 samples/period.
    expectClose(thresholdCrossingFraction(sine(4, 360, 1440)), 1 - (2 * Math.asin(0.2)) / Math.PI, 2 / 90, 'fraction');
    assert.equal(thresholdCrossingFraction(new Float64Array(50)), 0);
  });
});
