import { strict as assert } from 'assert';
import { learningRateAt, type LrSchedule } from '../../lib/train';

// The step and plateau examples of learningRateAt are in test/train/weighted-loss.test.ts (kept
// there while that file changes for the focal loss); these pin the rest of the schedule.
describe('train/learningRate', () => {
  it('a constant schedule keeps the base rate whatever the epoch and history', () => {
    const s: LrSchedule = { type: 'constant' };
    assert.deepEqual(
      [0, 1, 50].map((e) => learningRateAt(s, 3e-4, e, [0.1, 0.1, 0.1])),
      [3e-4, 3e-4, 3e-4],
    );
  });

  it('a step every epoch is exponential decay: base · factor^epoch', () => {
    const s: LrSchedule = { type: 'step', everyEpochs: 1, factor: 0.5 };
    assert.deepEqual(
      [0, 1, 2, 3].map((e) => learningRateAt(s, 0.008, e)),
      [0.008, 0.004, 0.002, 0.001],
    );
  });

  it('on a plateau, epoch 0 always gets the base rate and only the epochs before count', () => {
    const s: LrSchedule = { type: 'plateau', factor: 0.5, patience: 1, minLr: 0 };
    const m = [0.5, 0.4, 0.3, 0.2];
    assert.equal(learningRateAt(s, 1, 0, m), 1);
    // Epoch 2 sees 0.5 (best) and 0.4 (no gain → halve once); later figures do not change it.
    assert.equal(learningRateAt(s, 1, 2, m), 0.5);
    assert.equal(learningRateAt(s, 1, 2, m.slice(0, 2)), 0.5);
    assert.equal(learningRateAt(s, 1, 4, m), 0.125);
  });

  it('a resumed run with a shorter history recomputes the rate from the epochs it has', () => {
    const s: LrSchedule = { type: 'plateau', factor: 0.1, patience: 1, minLr: 0 };
    // Epoch 5 asked with three monitored figures: the rate after those three (two without gain).
    assert.ok(Math.abs(learningRateAt(s, 1, 5, [0.9, 0.8, 0.7]) - 0.01) < 1e-15);
  });

  it('counts an epoch without a validation figure (NaN) as one without improvement', () => {
    const s: LrSchedule = { type: 'plateau', factor: 0.5, patience: 2, minLr: 0 };
    assert.equal(learningRateAt(s, 1, 3, [0.5, NaN, NaN]), 0.5);
  });

  it('steps down by factor every N epochs', () => {
    const s = { type: 'step' as const, everyEpochs: 10, factor: 0.5 };
    assert.deepEqual(
      [0, 9, 10, 25].map((e) => learningRateAt(s, 1e-3, e)),
      [1e-3, 1e-3, 5e-4, 2.5e-4],
    );
  });

  it('reduces on plateau after `patience` epochs without a new best, not below minLr', () => {
    const s = { type: 'plateau' as const, factor: 0.1, patience: 2, minLr: 1e-5 };
    // monitored (higher is better): 0.5 best, 0.4 (wait 1), 0.45 (wait 2 → reduce to 1e-4), 0.6 best, 0.6, 0.6 (→ 1e-5), 0.6, 0.6 (→ max(1e-6, 1e-5))
    const m = [0.5, 0.4, 0.45, 0.6, 0.6, 0.6, 0.6, 0.6];
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((e) => learningRateAt(s, 1e-3, e, m)),
      [1e-3, 1e-3, 1e-4, 1e-4, 1e-4, 1e-5, 1e-5, 1e-5],
    );
  });
});
