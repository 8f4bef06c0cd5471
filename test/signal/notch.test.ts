import { strict as assert } from 'assert';
import { notch, notchSos, sosResponse } from '../../lib/signal';
import { expectClose } from '../helpers';

describe('signal/notch', () => {
  const fs = 360;

  it('matches scipy.signal.iirnotch(60, 30, fs=360) coefficient for coefficient', () => {
    // /usr/bin/python3 -c "import scipy.signal as s; print(s.iirnotch(60, 30, fs=360))" (scipy 1.10.1)
    const want = [0.982844387, -0.982844387, 0.982844387, 1, -0.982844387, 0.965688775];
    expectClose(notchSos(fs, 60, 30), want, 1e-9, 'b, a');
  });

  for (const [f0, q] of [
    [50, 30],
    [60, 30],
    [50, 10],
    [60, 5],
  ]) {
    it(`nulls ${f0} Hz and has a −3 dB bandwidth of f0/Q = ${f0 / q} Hz (Q = ${q})`, () => {
      const sos = notchSos(fs, f0, q);
      assert.ok(sosResponse(sos, f0, fs).mag < 1e-12);
      // Find the −3 dB points on either side by bisection on |H|² − 1/2.
      const edge = (a: number, b: number) => {
        for (let k = 0; k < 80; k++) {
          const m = (a + b) / 2;
          const below = sosResponse(sos, m, fs).mag ** 2 < 0.5;
          if (below === sosResponse(sos, a, fs).mag ** 2 < 0.5) a = m;
          else b = m;
        }
        return (a + b) / 2;
      };
      const lo = edge(1, f0);
      const hi = edge(f0, fs / 2 - 1);
      expectClose(hi - lo, f0 / q, 1e-6, 'bandwidth');
      expectClose(sosResponse(sos, 0, fs).mag, 1, 1e-12, 'DC gain');
    });
  }

  it('removes 60 Hz hum from a 5 Hz signal without touching the signal', () => {
    const x = new Float64Array(fs * 8).map(
      (_, i) => Math.sin((2 * Math.PI * 5 * i) / fs) + 0.5 * Math.sin((2 * Math.PI * 60 * i) / fs),
    );
    const y = notch(x, fs, 60, 30);
    let worst = 0;
    for (let i = fs * 2; i < x.length - fs * 2; i++)
      worst = Math.max(worst, Math.abs(y[i] - Math.sin((2 * Math.PI * 5 * i) / fs)));
    assert.ok(worst < 1e-3, `residual ${worst}`);
  });
});
