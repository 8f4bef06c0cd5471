import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { rrFeatures } from '../../lib/signal';
import { expectClose } from '../helpers';

describe('signal/rrFeatures', () => {
  it('computes pre-, post-, local and average RR in seconds by hand', () => {
    // Peaks at 0, 360, 900, 1260 at 360 Hz: RR 1.0, 1.5, 1.0 s.
    const f = rrFeatures(Int32Array.of(0, 360, 900, 1260), 360);
    expectClose(f.preRrSec, [1, 1, 1.5, 1], 1e-6); // the first beat borrows its post-RR
    expectClose(f.postRrSec, [1, 1.5, 1, 1], 1e-6); // the last beat borrows its pre-RR
    expectClose(f.averageRrSec, [7 / 6, 7 / 6, 7 / 6, 7 / 6], 1e-6); // 1260/360/3 = 3.5/3
    // Fewer beats than the local window: every beat averages all four pre-RR: 4.5/4.
    expectClose(f.localRrSec, [1.125, 1.125, 1.125, 1.125], 1e-6);
  });

  it('averages the pre-RR of the 10 beats centred on a beat', () => {
    // 30 beats, RR = 1 s for beats 1..14 and 2 s from beat 15 on; beat 15 averages beats 10..19:
    // pre-RR 1 for beats 10..14 (5 values) and 2 for 15..19 (5 values) → 1.5.
    const peaks: number[] = [0];
    for (let k = 1; k < 30; k++) peaks.push(peaks[k - 1] + (k < 15 ? 100 : 200));
    const f = rrFeatures(Int32Array.from(peaks), 100);
    expectClose(f.localRrSec[15], 1.5, 1e-6);
    expectClose(f.localRrSec[2], 1, 1e-6); // beats 0..9, all 1 s
  });

  it('rejects a single peak and out-of-order peaks', () => {
    assert.throws(() => rrFeatures(Int32Array.of(5), 360), EcgInputError);
    assert.throws(() => rrFeatures(Int32Array.of(5, 5), 360), /peak 1/);
  });
});
