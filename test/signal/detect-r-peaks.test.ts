import { strict as assert } from 'assert';
import { detectRPeaks, refineToExtremum } from '../../lib/signal';
import { detectorBehaviour } from './detector-behaviour';

describe('signal/detectRPeaks', () => {
  detectorBehaviour('detectRPeaks', detectRPeaks);

  it('moves a peak onto the extremum measured from the chord across the window, for R and QS shapes', () => {
    // On a ramp 0.1·i with a bump of +2 at 7, the chord removes the ramp: the bump is farthest.
    const x = new Float64Array(15).map((_, i) => 0.1 * i + (i === 7 ? 2 : 0));
    assert.deepEqual(Array.from(refineToExtremum(x, Int32Array.of(5), 3)), [7]);
    // A negative (QS) complex: the deepest sample wins.
    const y = Float64Array.of(0, 0, -1, -4, -2, 0, 0);
    assert.deepEqual(Array.from(refineToExtremum(y, Int32Array.of(1), 3)), [3]);
    // Two peaks landing on the same extremum become one.
    assert.deepEqual(Array.from(refineToExtremum(y, Int32Array.of(2, 4), 2)), [3]);
  });
});
