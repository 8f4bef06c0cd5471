import { strict as assert } from 'assert';
import { butter, sosfilt, sosResponse, type Sos } from '../../lib/signal';

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
const fs = 360;
const freqs = [0.1, 0.3, 1, 3, 5, 10, 15, 20, 40, 60, 100, 150, 179];

function assertSameMagnitude(sos: Sos, ref: FiliFilter, what: string): void {
  for (const f of freqs) {
    const ours = sosResponse(sos, f, fs).mag;
    const theirs = ref.responsePoint({ Fs: fs, Fr: f }).magnitude;
    assert.ok(Math.abs(ours - theirs) <= REL_TOL * theirs, `${what} at ${f} Hz: lib/signal ${ours}, fili ${theirs}`);
  }
}

describe('signal/butter against fili', () => {
  const cascades = new fili.CalcCascades();

  // fili's `order` counts biquads: its order-n Butterworth is lib/signal's order 2n.
  for (const n of [1, 2, 3, 4]) {
    for (const fc of [0.5, 5, 40, 150]) {
      it(`low-pass order ${2 * n} at ${fc} Hz has fili's magnitude within ${REL_TOL} (relative) at ${freqs.length} frequencies`, () => {
        const ref = new fili.IirFilter(cascades.lowpass({ order: n, characteristic: 'butterworth', Fs: fs, Fc: fc }));
        assertSameMagnitude(butter(2 * n, fc, fs, 'lowpass'), ref, `low-pass ${2 * n}/${fc} Hz`);
      });
      it(`high-pass order ${2 * n} at ${fc} Hz has fili's magnitude within ${REL_TOL} (relative)`, () => {
        const ref = new fili.IirFilter(cascades.highpass({ order: n, characteristic: 'butterworth', Fs: fs, Fc: fc }));
        assertSameMagnitude(butter(2 * n, fc, fs, 'highpass'), ref, `high-pass ${2 * n}/${fc} Hz`);
      });
    }
  }

  // fili has no higher-order Butterworth band-pass (its cascade repeats one centre frequency
  // with the low-pass Q's, a different filter; test/signal/butter.test.ts checks those orders
  // against the closed form). A prototype-order-1 Butterworth band-pass is one biquad, which
  // fili designs from its centre and Q: with Ωi = tan(π fi / fs), the centre is
  // fs/π·atan(√(Ω1Ω2)) and Q = √(Ω1Ω2) / (Ω2 − Ω1).
  for (const [f1, f2] of [
    [0.5, 40],
    [1, 30],
    [5, 15],
    [6, 20],
  ]) {
    it(`band-pass order 1 on ${f1}–${f2} Hz has the magnitude of fili's band-pass biquad within ${REL_TOL} (relative)`, () => {
      const w1 = Math.tan((Math.PI * f1) / fs);
      const w2 = Math.tan((Math.PI * f2) / fs);
      const w0 = Math.sqrt(w1 * w2);
      const ref = new fili.IirFilter([
        new fili.IirCoeffs().bandpass({ Fs: fs, Fc: (fs / Math.PI) * Math.atan(w0), Q: w0 / (w2 - w1) }),
      ]);
      assertSameMagnitude(butter(1, [f1, f2], fs, 'bandpass'), ref, `band-pass ${f1}–${f2} Hz`);
    });
  }

  it("band-pass order 1 matches fili's CalcCascades Butterworth band-pass (Q = 1/√2) at its −3 dB edges", () => {
    // Edges of an analog band-pass with centre Ω0 and Q: Ω1,2 = √(Ω0² + h²) ∓ h with h = Ω0/(2Q).
    for (const fc of [5, 10, 17]) {
      const ref = new fili.IirFilter(cascades.bandpass({ order: 1, characteristic: 'butterworth', Fs: fs, Fc: fc }));
      const w0 = Math.tan((Math.PI * fc) / fs);
      const h = w0 / (2 * Math.SQRT1_2);
      const r = Math.sqrt(w0 * w0 + h * h);
      const edges: [number, number] = [(fs / Math.PI) * Math.atan(r - h), (fs / Math.PI) * Math.atan(r + h)];
      assertSameMagnitude(butter(1, edges, fs, 'bandpass'), ref, `band-pass around ${fc} Hz`);
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
        cascades[kind]({ order: 2, characteristic: 'butterworth', Fs: fs, Fc: fc }),
      ).multiStep(impulse);
      const ours = sosfilt(butter(4, fc, fs, kind), impulse);
      for (let i = 0; i < impulse.length; i++) {
        assert.ok(Math.abs(ours[i] - ref[i]) <= 1e-12, `${kind} h[${i}]: lib/signal ${ours[i]}, fili ${ref[i]}`);
      }
    }
  });
});
