import { strict as assert } from 'assert';
import {
  describeCandidates,
  dominantMaxima,
  fivePointDerivative,
  localMaxima,
  movingWindowEnergy,
} from '../../lib/signal';
import { expectClose } from '../helpers';

describe('signal/qrs-transforms', () => {
  it('the five-point derivative of a ramp a·i sampled at fs is a·fs (per second)', () => {
    // (−a(i−2) − 2a(i−1) + 2a(i+1) + a(i+2)) · fs/8 = 8a · fs/8 = a·fs
    const x = new Float64Array(20).map((_, i) => 0.5 * i);
    const d = fivePointDerivative(x, 360);
    for (let i = 2; i < 18; i++) expectClose(d[i], 0.5 * 360, 1e-9, `d[${i}]`);
  });

  it('the moving-window energy of a constant c is c² away from the ends, and it is centred', () => {
    const y = movingWindowEnergy(new Float64Array(30).fill(3), 7);
    for (let i = 3; i < 27; i++) expectClose(y[i], 9, 1e-12);
    // One impulse of 2 at index 10, window 5: (2²)/5 = 0.8 on indices 8..12, zero elsewhere.
    const x = new Float64Array(21);
    x[10] = 2;
    expectClose(
      movingWindowEnergy(x, 5),
      Array.from({ length: 21 }, (_, i) => (i >= 8 && i <= 12 ? 0.8 : 0)),
      1e-12,
    );
  });

  it('local maxima count a plateau once; dominant maxima keep the highest within the distance', () => {
    assert.deepEqual(Array.from(localMaxima(Float64Array.of(0, 2, 1, 3, 3, 0))), [1, 3]);
    // Peaks at 1 (2), 3 (3), 6 (1): 1 is within 2 of the higher 3; 6 is 3 away from 3.
    assert.deepEqual(Array.from(dominantMaxima(Float64Array.of(0, 2, 1, 3, 0, 0, 1, 0), 2)), [3, 6]);
    assert.deepEqual(Array.from(dominantMaxima(Float64Array.of(0, 2, 1, 3, 0, 0, 1, 0), 3)), [3]);
  });
});

describe('signal/describeCandidates', () => {
  it('puts R at the largest |filtered| value near each candidate and measures energy, amplitude and slope there', () => {
    // Candidate at 2, half-width 1 → window samples 1..3: |f| = 1, 4, 1 → R at 2, amplitude 4;
    // |d| = 2, 0, 2 → slope 2; energy read at the candidate itself: e[2] = 3.
    const c = describeCandidates(Int32Array.of(2), [0, 1, 3, 1, 0], [0, 1, -4, 1, 0], [1, 2, 0, 2, 1], 1);
    assert.deepEqual(Array.from(c.loc), [2]);
    assert.deepEqual(Array.from(c.energy), [3]);
    assert.deepEqual(Array.from(c.amplitude), [4]);
    assert.deepEqual(Array.from(c.slope), [2]);
  });

  it('clips the search window at the signal edges', () => {
    // Candidate at 0 with half 2 looks at samples 0..2 only; the largest |f| is at 1.
    const c = describeCandidates(Int32Array.of(0), [5, 0, 0], [1, -2, 0.5], [0, 3, 1], 2);
    assert.deepEqual([c.loc[0], c.amplitude[0], c.slope[0], c.energy[0]], [1, 2, 3, 5]);
  });
});
