import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { resample, resampleRatio } from '../../lib/signal';
import { expectClose } from '../helpers';

const sine = (fHz: number, fsHz: number, n: number, phase = 0) =>
  new Float32Array(n).map((_, i) => Math.sin((2 * Math.PI * fHz * i) / fsHz + phase));

/** Largest |a[i] − b[i]| over the interior, leaving `margin` samples at both ends. */
function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>, margin: number): number {
  let worst = 0;
  for (let i = margin; i < a.length - margin; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe('signal/resample', () => {
  it('reduces the rate ratio to lowest terms, exactly for integers', () => {
    assert.deepEqual(resampleRatio(360, 250), { up: 25, down: 36 }); // gcd(360, 250) = 10
    assert.deepEqual(resampleRatio(360, 125), { up: 25, down: 72 }); // gcd = 5
    assert.deepEqual(resampleRatio(250, 360), { up: 36, down: 25 });
    assert.deepEqual(resampleRatio(128.5, 257), { up: 2, down: 1 });
    assert.throws(() => resampleRatio(0, 250), EcgInputError);
  });

  for (const [from, to] of [
    [360, 250],
    [360, 125],
    [250, 360],
    [125, 360],
    [360, 128],
  ]) {
    it(`${from} → ${to} Hz keeps a 7 Hz sinusoid (amplitude and phase) and has ceil(n·to/from) samples`, () => {
      const n = from * 10;
      const y = resample(sine(7, from, n, 0.3), from, to);
      assert.equal(y.length, Math.ceil((n * to) / from));
      // Output sample k sits at input time k/to seconds: compare with the sine sampled there.
      assert.ok(
        maxDiff(y, sine(7, to, y.length, 0.3), to) < 5e-3,
        `error ${maxDiff(y, sine(7, to, y.length, 0.3), to)}`,
      );
    });
  }

  it('360 → 250 Hz removes a 150 Hz sinusoid (above the new 125 Hz Nyquist) instead of aliasing it to 100 Hz', () => {
    const y = resample(sine(150, 360, 3600), 360, 250);
    assert.ok(
      maxDiff(y, new Float32Array(y.length), 50) < 0.01,
      `alias amplitude ${maxDiff(y, new Float32Array(y.length), 50)}`,
    );
  });

  it('360 → 125 Hz removes a 90 Hz sinusoid (it would alias to 35 Hz) and keeps a 20 Hz one', () => {
    const x = sine(20, 360, 3600).map((v, i) => v + Math.sin((2 * Math.PI * 90 * i) / 360));
    const y = resample(x, 360, 125);
    assert.ok(maxDiff(y, sine(20, 125, y.length), 30) < 0.01);
  });

  it('keeps a constant exactly constant, edges included, and round-trips 360 → 125 → 360', () => {
    const c = resample(new Float32Array(1000).fill(2.5), 360, 250);
    expectClose(c, new Float32Array(c.length).fill(2.5), 1e-6, 'constant');
    const x = sine(3, 360, 3600);
    const back = resample(resample(x, 360, 125), 125, 360);
    assert.equal(back.length, 3600);
    assert.ok(maxDiff(back, x, 100) < 5e-3);
  });

  it('returns a copy when the rates are equal and names a NaN sample', () => {
    const x = new Float32Array([1, 2, 3]);
    const y = resample(x, 360, 360);
    assert.deepEqual(Array.from(y), [1, 2, 3]);
    assert.notEqual(y, x);
    x[1] = NaN;
    assert.throws(() => resample(x, 360, 250), /sample 1/);
  });
});
