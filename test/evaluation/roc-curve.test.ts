import { strict as assert } from 'assert';
import { createRng } from '../../lib/common';
import { rocCurve } from '../../lib/evaluation';
import { expectClose } from '../helpers';

// Mann–Whitney by brute force over all positive/negative pairs, ties counted half: an independent
// way of computing the AUC.
function mannWhitneyAuc(labels: number[], scores: number[]): number {
  let s = 0;
  let pairs = 0;
  for (let i = 0; i < labels.length; i++) {
    if (!labels[i]) continue;
    for (let j = 0; j < labels.length; j++) {
      if (labels[j]) continue;
      pairs++;
      s += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return s / pairs;
}

describe('evaluation/rocCurve', () => {
  it('computes the AUC of a small case by hand', () => {
    // Ranking 0.8+, 0.4−, 0.35+, 0.1−: points (0,0) (0,½) (½,½) (½,1) (1,1); area ½·½ + ½·1 = 0.75.
    const r = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    assert.deepEqual(r.fpr, [0, 0, 0.5, 0.5, 1]);
    assert.deepEqual(r.tpr, [0, 0.5, 0.5, 1, 1]);
    assert.deepEqual(r.thresholds, [Infinity, 0.8, 0.4, 0.35, 0.1]);
    assert.equal(r.auc, 0.75);
  });

  it('counts tied positive/negative pairs half (Mann–Whitney)', () => {
    // Positives {0.5, 0.9}, negatives {0.5, 0.1}: pairs 0.5/0.5 tie → ½, the other three ordered → 1 each; (3 + ½)/4 = 0.875.
    const r = rocCurve([1, 0, 1, 0], [0.5, 0.5, 0.9, 0.1]);
    assert.equal(r.auc, 0.875);
    assert.equal(rocCurve([1, 0, 1, 0], [0.3, 0.3, 0.3, 0.3]).auc, 0.5);
  });

  it('matches brute-force Mann–Whitney on random scores with many ties', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + rng.int(60);
      const labels = Array.from({ length: n }, () => (rng.next() < 0.3 ? 1 : 0));
      labels[0] = 1;
      labels[1] = 0;
      const scores = Array.from({ length: n }, () => Math.round(rng.next() * 5) / 5);
      expectClose(rocCurve(labels, scores).auc!, mannWhitneyAuc(labels, scores), 1e-12, `trial ${trial}`);
    }
  });

  it('is undefined (null) when only one class is present', () => {
    assert.equal(rocCurve([1, 1], [0.2, 0.4]).auc, null);
    assert.equal(rocCurve([0, 0], [0.2, 0.4]).auc, null);
  });
});
