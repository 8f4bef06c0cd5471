import { strict as assert } from 'assert';
import { precisionRecallCurve, rocCurve, stepAveragePrecision, trapezoidAuc } from '../../lib/evaluation';
import { expectClose } from '../helpers';

describe('evaluation/curve-area', () => {
  it('trapezoidAuc: 0.75 for (0,0) (0.5,1) (1,1), whatever the point order', () => {
    // 0.5·(0+1)/2 + 0.5·(1+1)/2 = 0.25 + 0.5
    expectClose(trapezoidAuc([0, 0.5, 1], [0, 1, 1]), 0.75, 1e-12);
    expectClose(trapezoidAuc([1, 0, 0.5], [1, 0, 1]), 0.75, 1e-12);
  });

  it("stepAveragePrecision matches scikit-learn's definition on a hand example", () => {
    // y_true = [1, 0, 1], scores [0.9, 0.8, 0.7]: thresholds give (R, P) = (0.5, 1), (0.5, 0.5),
    // (1, 2/3); AP = Σ ΔR·P = 0.5·1 + 0·0.5 + 0.5·(2/3) = 0.8333…
    expectClose(stepAveragePrecision([0.5, 0.5, 1], [1, 0.5, 2 / 3]), 0.5 + 1 / 3, 1e-12);
  });

  it('gives rocCurve and precisionRecallCurve their areas (Mann-Whitney U by hand)', () => {
    // positives score 0.35, 0.8; negatives 0.1, 0.4. Pairs (pos > neg): 0.35>0.1, 0.8>0.1, 0.8>0.4 → U = 3 of 4.
    const roc = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    assert.equal(roc.auc, 0.75);
    assert.equal(trapezoidAuc(roc.fpr, roc.tpr), roc.auc);
    // Ranked 0.8 (+), 0.4 (−), 0.35 (+): AP = 0.5·1 + 0.5·(2/3).
    const pr = precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expectClose(pr.averagePrecision as number, 0.5 + 1 / 3, 1e-15);
    assert.equal(stepAveragePrecision(pr.recall, pr.precision), pr.averagePrecision);
  });
});
