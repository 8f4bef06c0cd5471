import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { butter, filterResponse, filterResponses, filtfilt, sosfilt, type BandKind } from '../../lib/signal';

// scipy.signal.sosfreqz of scipy's own butter() designs, written by scripts/filter_response_scipy.py
// (Debian's /usr/bin/python3); committed, so this test needs no Python.
interface ScipyDesign {
  name: string;
  order: number;
  cutoffHz: number | [number, number];
  kind: BandKind;
  magnitude: number[];
  phaseRad: number[];
}
const scipy = require('../fixtures/filter-response-scipy.json') as {
  scipy: string;
  fsHz: number;
  freqsHz: number[];
  designs: ScipyDesign[];
};

// Tolerances. Both sides evaluate the same bilinear-transformed H(z) in double precision, from
// designs made independently (lib/signal/butter vs scipy.signal.butter) and by different arithmetic
// (fili's cascade vs numpy's polynomial evaluation). The largest differences measured over these
// five designs and 18 frequencies are 1.5e-11 (relative magnitude, 1.3e-10 dB, in the stop band of
// the order-4 low-pass at 3e-13) and 1.5e-11 rad. 1e-9 leaves a margin of ~70, while a real error is
// far larger: a cutoff off by 0.1 % changes magnitude or phase here by ≥ 1e-3.
const MAG_REL_TOL = 1e-9;
const PHASE_TOL = 1e-9;

// fili's grid at 360 Hz with 720 points steps by 0.25 Hz, so every fixture frequency is a grid point.
const POINTS = 720;

/** a − b reduced to (−π, π]: phases are compared modulo 2π (scipy reports principal values). */
const phaseDiff = (a: number, b: number) => {
  const d = a - b;
  return d - 2 * Math.PI * Math.round(d / (2 * Math.PI));
};

describe('signal/filterResponse', () => {
  for (const d of scipy.designs) {
    it(`${d.name}: magnitude and phase match scipy ${scipy.scipy} sosfreqz at ${scipy.freqsHz.length} frequencies`, () => {
      const r = filterResponse(butter(d.order, d.cutoffHz, scipy.fsHz, d.kind), scipy.fsHz, POINTS);
      scipy.freqsHz.forEach((f, i) => {
        const k = Math.round((f * 2 * POINTS) / scipy.fsHz);
        assert.equal(r.fHz[k], f, `grid point ${k}`);
        const mag = d.magnitude[i];
        assert.ok(Math.abs(r.magnitude[k] - mag) <= MAG_REL_TOL * mag, `${f} Hz: |H| ${r.magnitude[k]}, scipy ${mag}`);
        assert.ok(
          Math.abs(r.magnitudeDb[k] - 20 * Math.log10(mag)) <= 1e-8,
          `${f} Hz: ${r.magnitudeDb[k]} dB, scipy ${20 * Math.log10(mag)} dB`,
        );
        assert.ok(
          Math.abs(phaseDiff(r.phaseRad[k], d.phaseRad[i])) <= PHASE_TOL,
          `${f} Hz: arg H ${r.phaseRad[k]}, scipy ${d.phaseRad[i]}`,
        );
      });
    });
  }

  it('unwraps the phase: an order-4 low-pass turns by −2π from DC to Nyquist (four zeros at z = −1)', () => {
    const r = filterResponse(butter(4, 40, 360, 'lowpass'), 360, 720);
    assert.equal(r.phaseRad[0], 0);
    for (let k = 1; k < r.phaseRad.length; k++) {
      assert.ok(Math.abs(r.phaseRad[k] - r.phaseRad[k - 1]) < 0.1, `jump at ${r.fHz[k]} Hz`);
    }
    // At 179.75 Hz the phase is within a small angle of −2π (its principal value would be ≈ 0).
    const last = r.phaseRad[r.phaseRad.length - 1];
    assert.ok(Math.abs(last + 2 * Math.PI) < 0.01, `phase near Nyquist ${last}`);
  });

  it('takes the phase where |H| = 0 (a band-pass at 0 Hz) from the next grid point', () => {
    const r = filterResponse(butter(2, [0.5, 40], 360, 'bandpass'), 360, 720);
    assert.equal(r.magnitude[0], 0);
    assert.equal(r.magnitudeDb[0], -Infinity);
    assert.equal(r.phaseRad[0], r.phaseRad[1]);
    assert.equal(r.delayMs[0], 0);
  });

  it('gives -3.01 dB at a low-pass cutoff one pass, -6.02 dB zero phase, with phase 0 and no delay', () => {
    const { onePass, zeroPhase } = filterResponses(butter(2, 40, 360, 'lowpass'), 360, 180);
    assert.equal(onePass.fHz[40], 40);
    assert.ok(Math.abs(onePass.magnitudeDb[40] - 20 * Math.log10(Math.SQRT1_2)) < 1e-9);
    assert.ok(Math.abs(zeroPhase.magnitudeDb[40] - 40 * Math.log10(Math.SQRT1_2)) < 1e-9);
    for (let k = 0; k < 180; k++) {
      assert.equal(zeroPhase.magnitude[k], onePass.magnitude[k] ** 2);
      assert.equal(zeroPhase.magnitudeDb[k], 2 * onePass.magnitudeDb[k]);
      assert.equal(zeroPhase.phaseRad[k], 0);
      assert.equal(zeroPhase.delayMs[k], 0);
    }
  });

  // What the responses promise, checked on signals: a sine at f leaves the one-pass filter scaled by
  // |H| and shifted by the phase delay, and leaves filtfilt scaled by |H|² and not shifted at all.
  for (const f of [1, 10, 25]) {
    it(`a ${f} Hz sine through the 0.5–40 Hz band-pass: one pass |H|·sin(ωt + arg H), forward-backward |H|²·sin(ωt)`, () => {
      const fs = 360;
      const sos = butter(2, [0.5, 40], fs, 'bandpass');
      const { onePass, zeroPhase } = filterResponses(sos, fs, 720);
      const k = f * 4;
      const x = Float64Array.from({ length: 60 * fs }, (_, n) => Math.sin((2 * Math.PI * f * n) / fs));
      const causal = sosfilt(sos, x);
      const zero = filtfilt(sos, x);
      // Samples 20–40 s: the transients of the 0.5 Hz poles (time constant ≈ 0.45 s) have died out.
      for (let n = 20 * fs; n < 40 * fs; n += 7) {
        const t = n / fs;
        const oneWant = onePass.magnitude[k] * Math.sin(2 * Math.PI * f * (t - onePass.delayMs[k] / 1000));
        const zeroWant = zeroPhase.magnitude[k] * Math.sin(2 * Math.PI * f * t);
        assert.ok(Math.abs(causal[n] - oneWant) < 1e-6, `one pass, n ${n}: ${causal[n]} vs ${oneWant}`);
        assert.ok(Math.abs(zero[n] - zeroWant) < 1e-6, `zero phase, n ${n}: ${zero[n]} vs ${zeroWant}`);
      }
    });
  }

  it('rejects a non-positive sampling rate, fewer than 2 points and an empty or ragged design', () => {
    const sos = butter(2, 40, 360, 'lowpass');
    const named = (re: RegExp) => (e: unknown) => e instanceof EcgInputError && re.test(e.message);
    assert.throws(() => filterResponse(sos, 0), named(/fsHz = 0/));
    assert.throws(() => filterResponse(sos, 360, 1), named(/points 1/));
    assert.throws(() => filterResponse(sos, 360, 2.5), named(/points 2.5/));
    assert.throws(() => filterResponse(new Float64Array(0), 360), named(/0 coefficients/));
    assert.throws(() => filterResponse(new Float64Array(7), 360), named(/7 coefficients/));
  });
});
