import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { bandpass } from '../../lib/signal';
import { expectClose } from '../helpers';
import { PROBE_X, probe, sineResidual } from '../support/filter-probes';

describe('signal/bandpass', () => {
  const fs = 360;

  it('is scipy’s sosfiltfilt of an order-2 Butterworth band-pass by default (the 0.5–40 Hz ECG band)', () => {
    // /usr/bin/python3 (scipy 1.17.1), x = PROBE_X:
    // sosfiltfilt(butter(2, [0.5, 40], 'bandpass', fs=360, output='sos'), x)[[0, 10, 25, 49]]
    expectClose(
      probe(bandpass(PROBE_X, fs, 0.5, 40)),
      [-16.218962619651435, -17.985740308123663, -16.714280820075345, -7.666804629514413],
      1e-9,
      'bandpass',
    );
  });

  it('removes DC and keeps the input’s precision', () => {
    const y = bandpass(new Float32Array(720).fill(2), fs, 0.5, 40);
    assert.ok(y instanceof Float32Array);
    for (const v of y) expectClose(v, 0, 1e-5);
  });

  it('halves a sine at either edge (|H|² = 1/2) and passes the band’s centre whole, without phase shift', () => {
    for (const f of [5, 15]) {
      const r = sineResidual((x) => bandpass(x, fs, 5, 15), f, fs, 0.5);
      assert.ok(r < 1e-4, `${f} Hz: largest deviation from 0.5·x is ${r}`);
    }
    // The centre where |H| = 1 is the geometric mean of the prewarped edges.
    const w = (f: number) => Math.tan((Math.PI * f) / fs);
    const centre = (Math.atan(Math.sqrt(w(5) * w(15))) * fs) / Math.PI;
    assert.ok(sineResidual((x) => bandpass(x, fs, 5, 15, 3), centre, fs, 1) < 1e-4);
  });

  it('rejects a reversed band and an upper edge at Nyquist with the band in the message', () => {
    assert.throws(
      () => bandpass(new Float64Array(10), fs, 40, 0.5),
      (e: unknown) => e instanceof EcgInputError && /band \[40, 0.5\] Hz; expected lowHz < highHz/.test(e.message),
    );
    assert.throws(() => bandpass(new Float64Array(10), fs, 0.5, 180), /cutoff 180 Hz/);
  });
});
