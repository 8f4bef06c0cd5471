import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { lowpass } from '../../lib/signal';
import { expectClose } from '../helpers';
import { PROBE_X, probe, sineResidual } from '../support/filter-probes';

describe('signal/lowpass', () => {
  const fs = 360;

  it('is scipy’s sosfiltfilt of an order-4 Butterworth low-pass by default', () => {
    // /usr/bin/python3 (scipy 1.17.1), x = PROBE_X:
    // sosfiltfilt(butter(4, 15, 'lowpass', fs=360, output='sos'), x)[[0, 10, 25, 49]]
    expectClose(
      probe(lowpass(PROBE_X, fs, 15)),
      [0.019718555470987005, 1.0400781305116449, 6.561051102814182, 25.300796219880144],
      1e-9,
      'lowpass',
    );
  });

  it('passes DC unchanged and keeps the input’s precision', () => {
    const y = lowpass(new Float32Array(720).fill(2), fs, 40);
    assert.ok(y instanceof Float32Array);
    for (const v of y) expectClose(v, 2, 1e-5);
  });

  it('halves a sine at the cutoff (|H|² = 1/2, −6 dB) without shifting it, whatever the order', () => {
    for (const order of [2, 4, 6]) {
      const r = sineResidual((x) => lowpass(x, fs, 40, order), 40, fs, 0.5);
      assert.ok(r < 1e-4, `order ${order}: largest deviation from 0.5·x is ${r}`);
    }
    // Two octaves above an order-4 cutoff (prewarped): |H|² = 1/(1 + (tan(π·160/360)/tan(π·40/360))^8) ≈ 2e-7.
    assert.ok(sineResidual((x) => lowpass(x, fs, 40), 160, fs, 0) < 1e-5);
  });

  it('rejects a cutoff at or above Nyquist, naming it, and a NaN sample by its index', () => {
    assert.throws(
      () => lowpass(new Float64Array(10), fs, 180),
      (e: unknown) =>
        e instanceof EcgInputError &&
        /cutoffHz: cutoff 180 Hz at fsHz 360; expected frequencies strictly between 0 and 180 Hz/.test(e.message),
    );
    assert.throws(() => lowpass(new Float64Array([1, NaN, 1]), fs, 40), /sample 1/);
  });
});
