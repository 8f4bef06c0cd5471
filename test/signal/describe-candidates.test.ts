import { strict as assert } from 'assert';
import { describeCandidates } from '../../lib/signal';

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
