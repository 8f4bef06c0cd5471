import { strict as assert } from 'assert';
import { precisionRecallCurve } from '../../lib/evaluation';
import { expectClose } from '../helpers';

describe('evaluation/precisionRecallCurve', () => {
  it('computes average precision as Σ (Rₙ − Rₙ₋₁)·Pₙ by hand, ties forming one step', () => {
    // Scores 0.9+, {0.5+, 0.5−}, 0.1−: (P 1, R ½), (P ⅔, R 1), (P ½, R 1) → ½·1 + ½·⅔ + 0 = 5/6.
    const c = precisionRecallCurve([1, 0, 1, 0], [0.5, 0.5, 0.9, 0.1]);
    expectClose(c.precision, [1, 2 / 3, 1 / 2], 1e-12);
    expectClose(c.recall, [1 / 2, 1, 1], 1e-12);
    expectClose(c.averagePrecision!, 5 / 6, 1e-12);
    assert.equal(precisionRecallCurve([0, 0], [0.1, 0.2]).averagePrecision, null);
  });

  it('gives AP 1 for a perfect ranking and the prevalence for constant scores', () => {
    assert.equal(precisionRecallCurve([1, 1, 0, 0, 0], [0.9, 0.8, 0.3, 0.2, 0.1]).averagePrecision, 1);
    // One tied step: R 0 → 1 at precision 2/5.
    expectClose(precisionRecallCurve([1, 1, 0, 0, 0], [0.5, 0.5, 0.5, 0.5, 0.5]).averagePrecision!, 2 / 5, 1e-12);
  });

  it('has one point per distinct score, highest first, with boolean labels as well as 0/1', () => {
    const c = precisionRecallCurve([true, false, true, false, false], [0.2, 0.7, 0.7, 0.2, 0.1]);
    assert.deepEqual(c.thresholds, [0.7, 0.2, 0.1]);
    // ≥ 0.7: 1 of 2 positive; ≥ 0.2: 2 of 4; ≥ 0.1: 2 of 5.
    assert.deepEqual(c.precision, [1 / 2, 2 / 4, 2 / 5]);
    assert.deepEqual(c.recall, [1 / 2, 1, 1]);
  });

  it('refuses labels and scores of different lengths', () => {
    assert.throws(() => precisionRecallCurve([1, 0, 1], [0.5, 0.4]), /^RangeError: 3 labels but 2 scores$/);
  });
});
