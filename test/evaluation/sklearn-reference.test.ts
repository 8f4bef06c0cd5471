import { strict as assert } from 'assert';
import { evaluateClassifier } from '../../lib/evaluation';
import { expectClose } from '../helpers';

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
