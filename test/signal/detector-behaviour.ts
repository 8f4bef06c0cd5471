import { strict as assert } from 'assert';
import * as path from 'path';
import { EcgInputError } from '../../lib/common';
import { readAnnotations, readRecord } from '../../lib/io';
import { referenceBeats, scoreBeats } from '../../lib/evaluation';
import { dataDir } from '../helpers';
import { syntheticEcg } from './synthetic';

type Detector = (samples: Float32Array, fsHz: number) => Int32Array;

/** Asserts that `found` has exactly one peak within ±tol samples of every true peak and no other. */
function assertFindsEvery(found: Int32Array, truth: Int32Array, tol: number, what: string): void {
  const s = scoreBeats(found, truth, 1, { toleranceSec: tol });
  assert.ok(
    s.fn === 0 && s.fp === 0,
    `${what}: ${s.fn} missed and ${s.fp} extra of ${truth.length} (found ${Array.from(found).slice(0, 12)}…, true ${Array.from(truth).slice(0, 12)}…)`,
  );
}

/** The behaviour every R-peak detector of the project must show. */
export function detectorBehaviour(name: string, detect: Detector): void {
  for (const fsHz of [360, 250]) {
    for (const bpm of [30, 45, 60, 90, 120, 150, 180, 220, 250]) {
      it(`finds every beat of a synthetic ${bpm} bpm train at ${fsHz} Hz, each within 10 ms of the true R`, () => {
        const { samples, rPeaks } = syntheticEcg({ bpm, seconds: 30, fsHz, seed: bpm });
        assertFindsEvery(detect(samples, fsHz), rPeaks, Math.round(0.01 * fsHz), `${bpm} bpm`);
      });
    }
  }

  it('finds nothing in a flat line, at zero or at any constant level', () => {
    assert.equal(detect(new Float32Array(3600), 360).length, 0);
    assert.equal(detect(new Float32Array(3600).fill(-1.5), 360).length, 0);
  });

  it('returns an empty result, without throwing, for input shorter than 1 s', () => {
    assert.equal(detect(new Float32Array(0), 360).length, 0);
    const { samples } = syntheticEcg({ bpm: 120, seconds: 0.99, fsHz: 360, firstSec: 0.3 });
    assert.equal(detect(samples, 360).length, 0);
  });

  it('still finds every beat when the R waves are clipped flat by a saturated amplifier', () => {
    const { samples, rPeaks } = syntheticEcg({ bpm: 75, seconds: 30, fsHz: 360, seed: 3 });
    const clipped = samples.map((v) => Math.min(v, 0.55)); // R peaks reach ≈ 1.1: the top half is cut
    assertFindsEvery(detect(clipped, 360), rPeaks, 8, 'clipped');
  });

  it('detects nothing inside a 6 s stretch stuck at the rail and recovers within 3 s after it', () => {
    const { samples, rPeaks } = syntheticEcg({ bpm: 72, seconds: 40, fsHz: 360, seed: 4 });
    const a = 12 * 360,
      b = 18 * 360;
    samples.fill(5, a, b); // lead saturated at +5 mV
    const found = detect(samples, 360);
    const inside = Array.from(found).filter((p) => p > a + 72 && p < b - 72);
    assert.deepEqual(inside, [], 'detections inside the saturated stretch');
    const after = (arr: Int32Array) => arr.filter((p) => p > b + 3 * 360);
    const before = (arr: Int32Array) => arr.filter((p) => p < a - 72);
    assertFindsEvery(after(found), after(rPeaks), 8, 'after the stretch');
    assertFindsEvery(before(found), before(rPeaks), 8, 'before the stretch');
  });

  it('throws EcgInputError naming the index of a NaN sample', () => {
    const { samples } = syntheticEcg({ bpm: 60, seconds: 5, fsHz: 360 });
    samples[1234] = NaN;
    assert.throws(
      () => detect(samples, 360),
      (e: unknown) => e instanceof EcgInputError && /sample 1234/.test(e.message),
    );
  });

  it('reaches Se and +P ≥ 99.5 % on MIT-BIH record 100 (MLII, against the reference annotations)', () => {
    const rec = readRecord(path.join(dataDir(), '100'), { channels: [0] });
    const ref = referenceBeats(readAnnotations(path.join(dataDir(), '100')));
    const s = scoreBeats(detect(rec.signals[0].mV, rec.fsHz), ref, rec.fsHz);
    assert.ok(
      s.se >= 0.995 && s.ppv >= 0.995,
      `${name} on 100: Se ${s.se}, +P ${s.ppv} (TP ${s.tp}, FP ${s.fp}, FN ${s.fn})`,
    );
  });
}
