import { strict as assert } from 'assert';
import { butter, sosResponse, sosfilt, type Sos } from '../../lib/signal';
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

// fili (the project's listed filter-design package, no type declarations) as an independent
// reference for lib/signal's own Butterworth design. fili builds its Butterworth cascades from
// the RBJ "Audio EQ Cookbook" biquads (one biquad per conjugate pole pair, Q_k from the pole
// angles, bilinear transform prewarped at the cutoff), not from analog poles as butter() does,
// so agreement checks the design, not a shared formula.
interface FiliBiquad {
  a: number[];
  b: number[];
  k: number;
}
interface FiliFilter {
  responsePoint(p: { Fs: number; Fr: number }): { magnitude: number };
  multiStep(input: number[]): number[];
}
interface Fili {
  CalcCascades: new () => Record<
    'lowpass' | 'highpass' | 'bandpass',
    (p: { order: number; characteristic: 'butterworth'; Fs: number; Fc: number }) => FiliBiquad[]
  >;
  IirCoeffs: new () => { bandpass(p: { Fs: number; Fc: number; Q: number }): FiliBiquad };
  IirFilter: new (cascade: FiliBiquad[]) => FiliFilter;
}

const fili = require('fili') as Fili;

// Tolerance on the magnitude, relative: both sides evaluate the same bilinear-transformed H(z) in
// double precision by different arithmetic (complex pole algebra vs. the cookbook's trig
// formulas). Coefficient rounding (~1e-16) is amplified near poles close to the unit circle
// (≈ 1/(1 − |p|) ≈ 1e3 for a 0.5 Hz cutoff at 360 Hz) and by cancellation in the stop band; the
// largest difference measured over these cases is 2e-10. 1e-8 leaves a 50× margin, while a real
// design error is far larger: a cutoff off by just 0.1 % already changes the magnitude at some of
// these frequencies by ≥ 2e-3 (relative; measured for orders 2–8), and a wrong prewarp or a
// mis-scaled section by more.
const REL_TOL = 1e-8;
const FILI_FS = 360;
const FILI_FREQS = [0.1, 0.3, 1, 3, 5, 10, 15, 20, 40, 60, 100, 150, 179];

function assertSameMagnitude(sos: Sos, ref: FiliFilter, what: string): void {
  for (const f of FILI_FREQS) {
    const ours = sosResponse(sos, f, FILI_FS).mag;
    const theirs = ref.responsePoint({ Fs: FILI_FS, Fr: f }).magnitude;
    assert.ok(Math.abs(ours - theirs) <= REL_TOL * theirs, `${what} at ${f} Hz: lib/signal ${ours}, fili ${theirs}`);
  }
}

describe('signal/butter against fili', () => {
  const cascades = new fili.CalcCascades();

  // fili's `order` counts biquads: its order-n Butterworth is lib/signal's order 2n.
  for (const n of [1, 2, 3, 4]) {
    for (const fc of [0.5, 5, 40, 150]) {
      it(`low-pass order ${2 * n} at ${fc} Hz has fili's magnitude within ${REL_TOL} (relative) at ${FILI_FREQS.length} frequencies`, () => {
        const ref = new fili.IirFilter(
          cascades.lowpass({ order: n, characteristic: 'butterworth', Fs: FILI_FS, Fc: fc }),
        );
        assertSameMagnitude(butter(2 * n, fc, FILI_FS, 'lowpass'), ref, `low-pass ${2 * n}/${fc} Hz`);
      });
      it(`high-pass order ${2 * n} at ${fc} Hz has fili's magnitude within ${REL_TOL} (relative)`, () => {
        const ref = new fili.IirFilter(
          cascades.highpass({ order: n, characteristic: 'butterworth', Fs: FILI_FS, Fc: fc }),
        );
        assertSameMagnitude(butter(2 * n, fc, FILI_FS, 'highpass'), ref, `high-pass ${2 * n}/${fc} Hz`);
      });
    }
  }

  // fili has no higher-order Butterworth band-pass (its cascade repeats one centre frequency
  // with the low-pass Q's, a different filter; test/signal/butter.test.ts checks those orders
  // against the closed form). A prototype-order-1 Butterworth band-pass is one biquad, which
  // fili designs from its centre and Q: with Ωi = tan(π fi / FILI_FS), the centre is
  // FILI_FS/π·atan(√(Ω1Ω2)) and Q = √(Ω1Ω2) / (Ω2 − Ω1).
  for (const [f1, f2] of [
    [0.5, 40],
    [1, 30],
    [5, 15],
    [6, 20],
  ]) {
    it(`band-pass order 1 on ${f1}–${f2} Hz has the magnitude of fili's band-pass biquad within ${REL_TOL} (relative)`, () => {
      const w1 = Math.tan((Math.PI * f1) / FILI_FS);
      const w2 = Math.tan((Math.PI * f2) / FILI_FS);
      const w0 = Math.sqrt(w1 * w2);
      const ref = new fili.IirFilter([
        new fili.IirCoeffs().bandpass({ Fs: FILI_FS, Fc: (FILI_FS / Math.PI) * Math.atan(w0), Q: w0 / (w2 - w1) }),
      ]);
      assertSameMagnitude(butter(1, [f1, f2], FILI_FS, 'bandpass'), ref, `band-pass ${f1}–${f2} Hz`);
    });
  }

  it("band-pass order 1 matches fili's CalcCascades Butterworth band-pass (Q = 1/√2) at its −3 dB edges", () => {
    // Edges of an analog band-pass with centre Ω0 and Q: Ω1,2 = √(Ω0² + h²) ∓ h with h = Ω0/(2Q).
    for (const fc of [5, 10, 17]) {
      const ref = new fili.IirFilter(
        cascades.bandpass({ order: 1, characteristic: 'butterworth', Fs: FILI_FS, Fc: fc }),
      );
      const w0 = Math.tan((Math.PI * fc) / FILI_FS);
      const h = w0 / (2 * Math.SQRT1_2);
      const r = Math.sqrt(w0 * w0 + h * h);
      const edges: [number, number] = [(FILI_FS / Math.PI) * Math.atan(r - h), (FILI_FS / Math.PI) * Math.atan(r + h)];
      assertSameMagnitude(butter(1, edges, FILI_FS, 'bandpass'), ref, `band-pass around ${fc} Hz`);
    }
  });

  it("gives fili's impulse response sample by sample (same H(z), phase included) for an order-4 low-pass and high-pass", () => {
    // multiStep on a fresh filter, not simulate(): fili 2.0.3's simulate() rebuilds every stage
    // from the last stage's coefficients (a scoping slip in its reinit), wrong for cascades.
    const impulse = Array.from({ length: 400 }, (_, i) => (i === 0 ? 1 : 0));
    for (const [kind, fc] of [
      ['lowpass', 20],
      ['highpass', 5],
    ] as const) {
      const ref = new fili.IirFilter(
        cascades[kind]({ order: 2, characteristic: 'butterworth', Fs: FILI_FS, Fc: fc }),
      ).multiStep(impulse);
      const ours = sosfilt(butter(4, fc, FILI_FS, kind), impulse);
      for (let i = 0; i < impulse.length; i++) {
        assert.ok(Math.abs(ours[i] - ref[i]) <= 1e-12, `${kind} h[${i}]: lib/signal ${ours[i]}, fili ${ref[i]}`);
      }
    }
  });
});
