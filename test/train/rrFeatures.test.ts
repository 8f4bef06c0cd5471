import { strict as assert } from 'assert';
import { rrFeatures } from '../../lib/train';
import { expectClose } from '../helpers';

describe('train/rrFeatures', () => {
  it('computes pre/post RR in seconds and their ratios to the record mean by hand', () => {
    // Beats at 0, 360, 720, 1260 at 360 Hz: RR = 1, 1, 1.5 s; mean 3.5/3 = 1.16667 s.
    // Beat 720: pre 1, post 1.5; ratios 1/1.16667 = 0.857143, 1.5/1.16667 = 1.285714;
    // local mean of the RRs before it (1, 1) = 1 → 0.857143.
    const f = rrFeatures(Int32Array.from([0, 360, 720, 1260]), 360, [720]);
    expectClose(f, [1, 1.5, 6 / 7, 9 / 7, 6 / 7], 1e-6);
  });

  it('borrows the neighbouring interval at the record ends', () => {
    const f = rrFeatures(Int32Array.from([0, 180, 540]), 180, [0, 540]);
    // RR = 1, 2 s. First beat: pre := post = 1. Last beat: post := pre = 2; local mean of (1, 2) = 1.5; mean RR 1.5.
    expectClose(Array.from(f.subarray(0, 2)), [1, 1], 1e-6);
    expectClose(Array.from(f.subarray(5, 10)), [2, 2, 4 / 3, 4 / 3, 1], 1e-6);
  });

  it('refuses a beat that is not among the record beats', () => {
    assert.throws(() => rrFeatures(Int32Array.from([0, 100]), 100, [50]), /sample 50/);
  });
});
