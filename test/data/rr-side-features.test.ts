import { strict as assert } from 'assert';
import { rrFeatures } from '../../lib/signal';
import { rrSideFeatures } from '../../lib/data';
import { expectClose } from '../helpers';

describe('data/rrSideFeatures', () => {
  it('turns lib/signal RR intervals into seconds and ratios to the record mean, by hand', () => {
    // Beats at 0, 360, 720, 1260 at 360 Hz: RR = 1, 1, 1.5 s; average (1260/360)/3 = 1.16667 s.
    // Beat 720 (index 2): pre 1, post 1.5; ratios 1/1.16667 = 6/7, 1.5/1.16667 = 9/7;
    // lib/signal's local RR (10-beat window clipped to the record) = mean pre-RR (1, 1, 1, 1.5) = 1.125 → 27/28;
    // pre / local = 1 / 1.125 = 8/9; post / pre = 1.5.
    const r = rrFeatures(Int32Array.from([0, 360, 720, 1260]), 360);
    const rr = Float32Array.from([r.preRrSec[2], r.postRrSec[2], r.localRrSec[2], r.averageRrSec[2]]);
    expectClose(rrSideFeatures(rr, 1), [1, 1.5, 6 / 7, 9 / 7, 27 / 28, 8 / 9, 1.5], 1e-6);
  });

  it('gives a beat without intervals (NaN) neutral values', () => {
    assert.deepEqual(Array.from(rrSideFeatures(Float32Array.from([NaN, NaN, NaN, NaN]), 1)), [1, 1, 1, 1, 1, 1, 1]);
  });
});
