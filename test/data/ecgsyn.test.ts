import { strict as assert } from 'assert';
import { createRng } from '../../lib/common';
import { ecgsyn, rrFluctuation } from '../../lib/data';
import { expectClose } from '../helpers';

/** Indices of R peaks: local maxima above half the signal's maximum, at least 0.2 s apart. */
function rPeaks(z: Float32Array, fsHz: number): number[] {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  const out: number[] = [];
  for (let i = 1; i < z.length - 1; i++) {
    if (z[i] > 0.5 * max && z[i] >= z[i - 1] && z[i] > z[i + 1] && (out.length === 0 || i - out[out.length - 1] > 0.2 * fsHz)) out.push(i);
  }
  return out;
}

/** Index of the largest value of z in [from, to). */
function argmax(z: Float32Array, from: number, to: number): number {
  let best = from;
  for (let i = from; i < to; i++) if (z[i] > z[best]) best = i;
  return best;
}

describe('data/ecgsyn', () => {
  const fsHz = 250;

  it('beats once per RR interval: R peaks 0.8 s apart at a constant RR of 0.8 s', () => {
    const z = ecgsyn({ fsHz, rrSec: new Float32Array(10 * fsHz).fill(0.8) });
    const peaks = rPeaks(z, fsHz);
    assert.ok(peaks.length >= 11, `${peaks.length} peaks`);
    for (let i = 1; i < peaks.length; i++) assert.ok(Math.abs(peaks[i] - peaks[i - 1] - 200) <= 1, `RR ${peaks[i] - peaks[i - 1]} samples`);
  });

  it('maps z onto the requested range with the isoelectric median at 0 mV', () => {
    const z = ecgsyn({ fsHz, rrSec: new Float32Array(20 * fsHz).fill(1), rangeMv: [-0.4, 1.2] });
    let min = Infinity;
    let max = -Infinity;
    for (const v of z) [min, max] = [Math.min(min, v), Math.max(max, v)];
    expectClose(max - min, 1.6, 1e-5, 'range');
    const sorted = z.slice().sort();
    expectClose(sorted[sorted.length >> 1], 0, 1e-6, 'median');
  });

  it('delays the T wave by tDelaySec and scales its height by tAmplitudeScale', () => {
    const n = 12 * fsHz;
    const rr = new Float32Array(n).fill(1);
    const base = ecgsyn({ fsHz, rrSec: rr });
    const late = ecgsyn({ fsHz, rrSec: rr, tDelaySec: new Float32Array(n).fill(0.04) });
    const flat = ecgsyn({ fsHz, rrSec: rr, tAmplitudeScale: new Float32Array(n).fill(0.5) });
    const r = rPeaks(base, fsHz).filter((i) => i > 5 * fsHz)[0];
    // The T peak lies 0.1–0.45 s after R; 0.04 s is 10 samples at 250 Hz.
    const window = [r + 25, r + 112] as const;
    const tBase = argmax(base, ...window);
    const tLate = argmax(late, ...window);
    assert.ok(Math.abs(tLate - tBase - 10) <= 2, `T moved ${tLate - tBase} samples`);
    // The T-wave height above the sample before the P wave (0.4 s before R) roughly halves.
    const height = (z: Float32Array): number => z[argmax(z, ...window)] - z[r - 0.4 * fsHz + 10];
    const ratio = height(flat) / height(base);
    assert.ok(ratio > 0.35 && ratio < 0.65, `T height ratio ${ratio}`);
  });

  it('draws RR fluctuations with the requested standard deviation and no mean', () => {
    const f = rrFluctuation(250 * 3600, 250, { rrStdSec: 0.05, lfHfRatio: 0.5 }, createRng(11));
    let s = 0;
    let s2 = 0;
    for (const v of f) [s, s2] = [s + v, s2 + v * v];
    const mean = s / f.length;
    const std = Math.sqrt(s2 / f.length - mean * mean);
    assert.ok(Math.abs(mean) < 0.01, `mean ${mean}`);
    assert.ok(Math.abs(std - 0.05) < 0.01, `std ${std}`);
  });

  it('is reproducible: the same seed gives the same tachogram', () => {
    const spec = { rrStdSec: 0.04, lfHfRatio: 1 };
    assert.deepEqual(rrFluctuation(5000, 250, spec, createRng(5)), rrFluctuation(5000, 250, spec, createRng(5)));
    assert.notDeepEqual(rrFluctuation(5000, 250, spec, createRng(5)), rrFluctuation(5000, 250, spec, createRng(6)));
  });
});
