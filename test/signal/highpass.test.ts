import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { highpass } from '../../lib/signal';
import { expectClose } from '../helpers';
import { PROBE_X, probe, sineResidual } from '../support/filter-probes';

describe('signal/highpass', () => {
  const fs = 360;

  it('is scipy’s sosfiltfilt of an order-2 Butterworth high-pass by default', () => {
    // /usr/bin/python3 (scipy 1.17.1), x = PROBE_X:
    // sosfiltfilt(butter(2, 0.5, 'highpass', fs=360, output='sos'), x)[[0, 10, 25, 49]]
    expectClose(
      probe(highpass(PROBE_X, fs, 0.5)),
      [-15.527349269837648, -17.123219591330415, -15.560818560018966, -6.031941662293239],
      1e-9,
      'highpass',
    );
  });

  it('removes DC and keeps the input’s precision', () => {
    const y = highpass(new Float32Array(720).fill(2), fs, 0.5);
    assert.ok(y instanceof Float32Array);
    for (const v of y) expectClose(v, 0, 1e-5);
  });

  it('halves a sine at the cutoff (|H|² = 1/2) without shifting it, and passes one far above', () => {
    for (const order of [1, 2, 3]) {
      const r = sineResidual((x) => highpass(x, fs, 5, order), 5, fs, 0.5);
      assert.ok(r < 1e-4, `order ${order}: largest deviation from 0.5·x is ${r}`);
    }
    // 50 Hz is a decade above: |H|² = 1/(1 + (tan(π·5/360)/tan(π·50/360))^4) ≈ 1 − 8e-5.
    assert.ok(sineResidual((x) => highpass(x, fs, 5), 50, fs, 1) < 2e-4);
  });

  it('rejects a cutoff of 0 Hz and a non-integer order', () => {
    assert.throws(() => highpass(new Float64Array(10), fs, 0), /cutoffHz: cutoff 0 Hz/);
    assert.throws(
      () => highpass(new Float64Array(10), fs, 0.5, 1.5),
      (e: unknown) =>
        e instanceof EcgInputError && /order: order 1.5; expected an integer from 1 to 20/.test(e.message),
    );
  });
});
