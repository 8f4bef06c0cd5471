import { strict as assert } from 'assert';
import { evaluateClassifier } from '../../lib/evaluation';
import { expectClose } from '../helpers';
import { HAND_CLASSES, HAND_MATRIX, fromMatrix } from '../support/hand-confusion';

function oneHot(labels: number[], k: number): Float32Array {
  const out = new Float32Array(labels.length * k);
  labels.forEach((l, i) => (out[i * k + l] = 1));
  return out;
}

describe('evaluation/evaluateClassifier', () => {
  const cm = HAND_MATRIX.map((row) => [...row]);
  const classes = [...HAND_CLASSES];

  it('gives the same figures through evaluateClassifier with one-hot probabilities', () => {
    const { yTrue, yPred } = fromMatrix(cm);
    const r = evaluateClassifier(yTrue, oneHot(yPred, 3), classes);
    assert.deepEqual(r.confusionMatrix, cm);
    expectClose(r.macroF1, (10 / 13 + 1 / 2 + 6 / 7) / 3, 1e-12);
    expectClose(r.perClass.V.ppv, 1, 1e-12);
    assert.equal(r.n, 14);
  });

  it('a class never predicted gets +P 0 with a note, and the macro average counts it as 0 (sklearn zero_division=0)', () => {
    // true [N,N,S,V], predicted [N,N,N,V]: S has TP 0, FP 0 → +P 0/0 := 0; Se 0/1 = 0; F1 0/(0+0+1) = 0.
    // N: TP 2, FP 1 → +P 2/3, Se 1, F1 4/5. V: all 1. macro F1 = (4/5 + 0 + 1)/3 = 0.6.
    const classes4 = ['N', 'S', 'V', 'Q'];
    const r = evaluateClassifier([0, 0, 1, 2], oneHot([0, 0, 0, 2], 4), classes4);
    assert.equal(r.perClass.S.ppv, 0);
    assert.ok(r.notes.some((n) => /precision \(\+P\) of S/.test(n)));
    expectClose(r.macroF1, (4 / 5 + 0 + 1) / 3, 1e-12, 'macro F1');
    expectClose(r.macro.precision, (2 / 3 + 0 + 1) / 3, 1e-12, 'macro P');
    // Q is neither true nor predicted anywhere: left out of the macro average as sklearn does with labels=None.
    assert.equal(r.perClass.Q.support, 0);
  });

  it('handles a single class: accuracy 1, balanced accuracy over present classes, AUC undefined', () => {
    const r = evaluateClassifier([0, 0, 0], new Float32Array([0.9, 0.1, 0.8, 0.2, 0.6, 0.4]), ['N', 'V']);
    assert.equal(r.accuracy, 1);
    assert.equal(r.balancedAccuracy, 1);
    assert.equal(r.macroF1, 1); // V neither true nor predicted → excluded
    assert.equal(r.rocAuc.perClass.N, null);
    assert.equal(r.rocAuc.macro, null);
    assert.equal(r.aupr.perClass.V, null);
    expectClose(r.aupr.perClass.N!, 1, 1e-12, 'AP of N (every beat positive)');
  });

  it('evaluates a sigmoid output (n × 1) with a 0.5 threshold and one-vs-rest areas for both classes', () => {
    // p = [0.1, 0.4, 0.35, 0.8], truth [0, 0, 1, 1] → predicted [0, 0, 0, 1]; cm [[2,0],[1,1]].
    // AUC of class 1: ranking 0.8+, 0.4−, 0.35+, 0.1− → 3 of 4 pairs in order = 0.75; class 0 (1−p) is the mirror, also 0.75.
    // AP of class 1: thresholds 0.8 (P 1, R 1/2), 0.4 (P 1/2, R 1/2), 0.35 (P 2/3, R 1), 0.1 (P 1/2, R 1) → 1/2·1 + 1/2·2/3 = 5/6.
    const r = evaluateClassifier([0, 0, 1, 1], new Float32Array([0.1, 0.4, 0.35, 0.8]), ['neg', 'pos']);
    assert.deepEqual(r.confusionMatrix, [
      [2, 0],
      [1, 1],
    ]);
    expectClose(r.rocAuc.perClass.pos!, 0.75, 1e-7);
    expectClose(r.rocAuc.perClass.neg!, 0.75, 1e-7);
    expectClose(r.aupr.perClass.pos!, 5 / 6, 1e-7);
    assert.equal(r.threshold, 0.5);
    assert.throws(() => evaluateClassifier([0, 1], new Float32Array(3), ['a', 'b']), /3 probabilities for 2 beats/);
  });
});

// Reference values from scikit-learn 1.2.1 (Debian python3-sklearn), produced by
//   /usr/bin/python3 ref.py   with  y, p as below and
//   accuracy_score, balanced_accuracy_score, f1_score(average='macro'|'weighted', zero_division=0),
//   precision_score/recall_score(average=None), roc_auc_score(y == k, p[:, k]),
//   roc_auc_score(y, p, multi_class='ovr', average='macro'), average_precision_score(y == k, p[:, k]).
// Probabilities are rounded to 0.1 so that tied scores occur; arg-max ties go to the lower class in both.
const y = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2];
const p = [
  [0.7, 0.2, 0.1],
  [0.6, 0.3, 0.1],
  [0.4, 0.4, 0.2],
  [0.5, 0.1, 0.4],
  [0.8, 0.1, 0.1],
  [0.3, 0.6, 0.1],
  [0.6, 0.2, 0.2],
  [0.4, 0.3, 0.3],
  [0.5, 0.4, 0.1],
  [0.2, 0.2, 0.6],
  [0.3, 0.6, 0.1],
  [0.5, 0.4, 0.1],
  [0.2, 0.7, 0.1],
  [0.4, 0.3, 0.3],
  [0.3, 0.3, 0.4],
  [0.1, 0.8, 0.1],
  [0.1, 0.2, 0.7],
  [0.2, 0.2, 0.6],
  [0.3, 0.1, 0.6],
  [0.5, 0.2, 0.3],
  [0.1, 0.5, 0.4],
  [0.2, 0.3, 0.5],
  [0.1, 0.1, 0.8],
  [0.4, 0.2, 0.4],
];

describe('evaluation/sklearn reference', () => {
  const r = evaluateClassifier(y, p.flat(), ['N', 'S', 'V']);

  it('matches scikit-learn on accuracy, balanced accuracy and macro/weighted F1', () => {
    expectClose(r.accuracy, 0.6666666666666666, 1e-12, 'accuracy');
    expectClose(r.balancedAccuracy, 0.6416666666666667, 1e-12, 'balanced accuracy');
    expectClose(r.macroF1, 0.6464646464646463, 1e-12, 'macro F1');
    expectClose(r.weighted.f1, 0.6616161616161614, 1e-12, 'weighted F1');
  });

  it('matches scikit-learn per-class precision and recall', () => {
    expectClose(
      ['N', 'S', 'V'].map((c) => r.perClass[c].ppv),
      [0.6666666666666666, 0.6, 0.7142857142857143],
      1e-12,
      'precision',
    );
    expectClose(
      ['N', 'S', 'V'].map((c) => r.perClass[c].se),
      [0.8, 0.5, 0.625],
      1e-12,
      'recall',
    );
  });

  it('matches scikit-learn one-vs-rest ROC-AUC (with ties) and average precision', () => {
    expectClose(
      ['N', 'S', 'V'].map((c) => r.rocAuc.perClass[c]!),
      [0.8428571428571429, 0.8657407407407408, 0.921875],
      1e-12,
      'AUC',
    );
    expectClose(r.rocAuc.macro!, 0.876824294532628, 1e-12, 'macro OvR AUC');
    expectClose(
      ['N', 'S', 'V'].map((c) => r.aupr.perClass[c]!),
      [0.7895833333333334, 0.6955128205128205, 0.8060897435897436],
      1e-12,
      'AP',
    );
    assert.equal(r.n, 24);
  });
});
