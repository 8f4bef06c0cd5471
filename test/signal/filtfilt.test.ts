import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { bandpass, butter, defaultPadlen, filtfilt, highpass, lowpass, sosResponse } from '../../lib/signal';
import { expectClose } from '../helpers';
import { PROBE_X, probe } from '../support/filter-probes';

describe('signal/filtfilt', () => {
  const fs = 360;

  it('reproduces scipy.signal.sosfiltfilt sample for sample, padding included', () => {
    // /usr/bin/python3, x = PROBE_X (sin(0.3 i) + 0.01 i², i = 0..49: the edge padding matters):
    // sosfiltfilt(butter(N, Wn, btype, fs=360, output='sos'), x)[[0, 10, 25, 49]]  (scipy 1.10.1)
    const cases: [Float64Array, number[]][] = [
      [butter(2, [5, 15], fs, 'bandpass'), [0.482338173835, -0.115696125982, 0.090078768919, 0.313960474483]],
      [butter(3, 0.5, fs, 'highpass'), [-11.04386335434, -13.226743419442, -12.814359897756, -5.909769297711]],
      [butter(4, 40, fs, 'lowpass'), [1.408755944529e-3, 1.142538271574, 7.187190320326, 24.871254106]],
    ];
    for (const [sos, want] of cases) expectClose(probe(filtfilt(sos, PROBE_X)), want, 1e-9, 'sosfiltfilt');
  });

  it('uses scipy’s default padlen: 3·(2·sections + 1), less first-order sections’ zeros', () => {
    assert.equal(defaultPadlen(butter(2, [5, 15], fs, 'bandpass')), 15); // 2 sections: 3·5
    assert.equal(defaultPadlen(butter(5, 40, fs, 'lowpass')), 18); // 3 sections, one first-order: 3·(7 − 1)
  });

  it('has zero phase: a symmetric pulse stays symmetric about its centre', () => {
    const n = 2001,
      c = 1000;
    const pulse = new Float64Array(n).map((_, i) => Math.exp(-(((i - c) / 12) ** 2)));
    for (const y of [bandpass(pulse, fs, 5, 15, 3), lowpass(pulse, fs, 20, 4), highpass(pulse, fs, 1, 2)]) {
      for (let k = 1; k < 400; k++) expectClose(y[c + k], y[c - k], 1e-9, `y[c+${k}] − y[c−${k}]`);
      // The peak stays at the centre: a causal filter would have moved it later.
      let arg = 0;
      for (let i = 1; i < n; i++) if (Math.abs(y[i]) > Math.abs(y[arg])) arg = i;
      assert.equal(arg, c);
    }
  });

  it('keeps the phase of a pass-band sinusoid (output = |H|²·input in the interior)', () => {
    const f = 10;
    const sos = butter(2, [0.5, 40], fs, 'bandpass');
    const s = new Float32Array(fs * 20).map((_, i) => Math.sin((2 * Math.PI * f * i) / fs + 0.7));
    const y = filtfilt(sos, s);
    assert.ok(y instanceof Float32Array, 'Float32Array in, Float32Array out');
    // Forward and backward, the gain is |H(10 Hz)|² (0.99862 here, from sosResponse) and the
    // phase is zero, so y = |H|²·s; a phase error of 0.01 rad would leave residuals ≈ 0.01.
    const gain = sosResponse(sos, f, fs).mag ** 2;
    let worst = 0;
    // The 0.5 Hz high-pass edge starts from a steady state for a constant, not for the sine: its
    // transient lasts seconds (so it does in scipy), hence the 5 s margins.
    for (let i = 5 * fs; i < s.length - 5 * fs; i++) worst = Math.max(worst, Math.abs(y[i] - gain * s[i]));
    assert.ok(worst < 1e-4, `largest deviation ${worst}`);
  });

  it('returns empty for empty input, survives a 1-sample input, and names a NaN sample', () => {
    const sos = butter(2, 40, fs, 'lowpass');
    assert.equal(filtfilt(sos, new Float32Array(0)).length, 0);
    expectClose(filtfilt(sos, new Float64Array([3]))[0], 3, 1e-12);
    const bad = new Float32Array(100);
    bad[42] = NaN;
    assert.throws(
      () => filtfilt(sos, bad),
      (e: unknown) => e instanceof EcgInputError && /sample 42/.test(e.message),
    );
  });
});
