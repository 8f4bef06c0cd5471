import { strict as assert } from 'assert';
import { butter, sosResponse, sosfilt } from '../../lib/signal';
import { EcgInputError } from '../../lib/common';
import { expectClose } from '../helpers';

// The analytic squared magnitude of an order-n digital Butterworth filter designed by the
// bilinear transform: the analog |H(Ω)|² = 1 / (1 + (Ω/Ωc)^(2n)) with Ω = tan(π f / fs)
// (prewarped), which equals 1 / (1 + (f/fc)^(2n)) up to the frequency warping.
const warp = (f: number, fs: number) => Math.tan((Math.PI * f) / fs);
const lowpassSq = (f: number, fc: number, n: number, fs: number) => 1 / (1 + (warp(f, fs) / warp(fc, fs)) ** (2 * n));
const highpassSq = (f: number, fc: number, n: number, fs: number) => 1 / (1 + (warp(fc, fs) / warp(f, fs)) ** (2 * n));
// Band-pass from the low-pass prototype by Ω → (Ω² − Ω1Ω2) / (Ω (Ω2 − Ω1)).
const bandpassSq = (f: number, f1: number, f2: number, n: number, fs: number) => {
  const w = warp(f, fs),
    w1 = warp(f1, fs),
    w2 = warp(f2, fs);
  return 1 / (1 + ((w * w - w1 * w2) / (w * (w2 - w1))) ** (2 * n));
};

describe('signal/butter', () => {
  const fs = 360;
  const freqs = [0.3, 1, 5, 10, 15, 25, 40, 60, 100, 150, 179];

  for (const n of [1, 2, 3, 4, 5, 8]) {
    it(`low-pass order ${n} at 40 Hz matches 1/(1+(f/fc)^2n) (prewarped) at 11 frequencies`, () => {
      const sos = butter(n, 40, fs, 'lowpass');
      for (const f of freqs)
        expectClose(sosResponse(sos, f, fs).mag ** 2, lowpassSq(f, 40, n, fs), 1e-9, `|H(${f} Hz)|²`);
    });
    it(`high-pass order ${n} at 0.5 Hz matches the analytic magnitude`, () => {
      const sos = butter(n, 0.5, fs, 'highpass');
      for (const f of freqs)
        expectClose(sosResponse(sos, f, fs).mag ** 2, highpassSq(f, 0.5, n, fs), 1e-9, `|H(${f} Hz)|²`);
    });
    it(`band-pass order ${n} on 5–15 Hz matches the analytic magnitude`, () => {
      const sos = butter(n, [5, 15], fs, 'bandpass');
      for (const f of freqs)
        expectClose(sosResponse(sos, f, fs).mag ** 2, bandpassSq(f, 5, 15, n, fs), 1e-9, `|H(${f} Hz)|²`);
    });
  }

  it('is exactly −3 dB (|H|² = 1/2) at the cutoff and the band edges', () => {
    expectClose(sosResponse(butter(4, 40, fs, 'lowpass'), 40, fs).mag ** 2, 0.5, 1e-12);
    expectClose(sosResponse(butter(2, 0.5, fs, 'highpass'), 0.5, fs).mag ** 2, 0.5, 1e-12);
    const bp = butter(3, [0.5, 40], fs, 'bandpass');
    expectClose(sosResponse(bp, 0.5, fs).mag ** 2, 0.5, 1e-10);
    expectClose(sosResponse(bp, 40, fs).mag ** 2, 0.5, 1e-10);
  });

  it('has the denominators of scipy.signal.butter (same poles, section order aside)', () => {
    // /usr/bin/python3 -c "import scipy.signal as s; print(s.butter(2,[5,15],'bandpass',fs=360,output='sos'))" (scipy 1.10.1)
    const scipyBp = [
      [-1.791933833, 0.841222058],
      [-1.919372617, 0.928744645],
    ];
    // ... s.butter(5,40,fs=360,output='sos'): the first-order section has a2 = 0.
    const scipyLp = [
      [-0.466307658, 0],
      [-1.007935907, 0.315766881],
      [-1.278197569, 0.668568424],
    ];
    for (const [sos, ref] of [
      [butter(2, [5, 15], fs, 'bandpass'), scipyBp],
      [butter(5, 40, fs, 'lowpass'), scipyLp],
    ] as const) {
      const dens = [];
      for (let s = 0; s < sos.length / 6; s++) dens.push([sos[6 * s + 4], sos[6 * s + 5]]);
      dens.sort((a, b) => a[0] - b[0]);
      const want = [...ref].sort((a, b) => a[0] - b[0]);
      expectClose(dens.flat(), want.flat(), 1e-8, 'a1, a2');
    }
  });

  it('passes a sinusoid with the designed gain once the transient has died out', () => {
    // Measured, not evaluated: filter a 25 Hz sine and compare the steady-state amplitude.
    const sos = butter(4, 20, fs, 'lowpass');
    const x = new Float64Array(fs * 4).map((_, i) => Math.sin((2 * Math.PI * 25 * i) / fs));
    const y = sosfilt(sos, x);
    let peak = 0;
    for (let i = fs * 2; i < y.length; i++) peak = Math.max(peak, Math.abs(y[i]));
    expectClose(peak, Math.sqrt(lowpassSq(25, 20, 4, fs)), 2e-3, 'steady-state amplitude');
  });

  it('rejects cutoffs at or beyond Nyquist, reversed bands and bad orders with EcgInputError', () => {
    assert.throws(() => butter(2, 180, fs, 'lowpass'), EcgInputError);
    assert.throws(() => butter(2, [15, 5], fs, 'bandpass'), EcgInputError);
    assert.throws(() => butter(0, 5, fs, 'highpass'), EcgInputError);
    assert.throws(() => butter(2, 5, fs, 'bandpass'), /expected \[lowHz, highHz\]/);
  });
});
