import { strict as assert } from 'assert';
import { matrixMetrics, type ClassMetrics } from '../../lib/evaluation';
import { expectClose } from '../helpers';
import { HAND_CLASSES, HAND_MATRIX } from '../support/hand-confusion';

describe('evaluation/matrixMetrics', () => {
  // See HAND_MATRIX for the per-class counts worked out by hand.
  const cm = HAND_MATRIX.map((row) => [...row]);
  const classes = HAND_CLASSES;

  it('computes per-class Se, +P, F1, specificity and support by hand', () => {
    const m = matrixMetrics(cm, classes);
    const byHand: [keyof ClassMetrics, number[]][] = [
      ['se', [5 / 6, 1 / 2, 3 / 4]],
      ['ppv', [5 / 7, 1 / 2, 1]],
      ['f1', [10 / 13, 1 / 2, 6 / 7]],
      ['specificity', [6 / 8, 8 / 10, 1]],
    ];
    for (const [figure, want] of byHand)
      expectClose(
        m.perClass.map((c) => c[figure]),
        want,
        1e-12,
        figure,
      );
    assert.deepEqual(
      m.perClass.map((c) => c.support),
      [6, 4, 4],
    );
    assert.deepEqual(m.notes, []);
  });

  it('computes accuracy, balanced accuracy, macro and weighted averages by hand', () => {
    const m = matrixMetrics(cm, classes);
    expectClose(m.accuracy, 10 / 14, 1e-12, 'accuracy'); // (5+2+3)/14
    expectClose(m.balancedAccuracy, (5 / 6 + 1 / 2 + 3 / 4) / 3, 1e-12, 'balanced'); // 0.69444
    expectClose(m.macro.precision, (5 / 7 + 1 / 2 + 1) / 3, 1e-12, 'macro P'); // 0.738095
    expectClose(m.macro.f1, (10 / 13 + 1 / 2 + 6 / 7) / 3, 1e-12, 'macro F1'); // 0.708791
    expectClose(m.weighted.f1, (6 * (10 / 13) + 4 * (1 / 2) + 4 * (6 / 7)) / 14, 1e-12, 'weighted F1'); // 0.717425
    expectClose(m.weighted.recall, m.accuracy, 1e-12, 'support-weighted recall equals accuracy');
  });

  it('counts TP, FP, FN and TN of each class one-vs-rest, summing to the number of beats', () => {
    const m = matrixMetrics(cm, classes);
    // S: TP 2, FN 2 (row S off the diagonal), FP 1 + 1 (column S off the diagonal), TN 14 − 6.
    assert.deepEqual([m.perClass[1].tp, m.perClass[1].fn, m.perClass[1].fp, m.perClass[1].tn], [2, 2, 2, 8]);
    for (const c of m.perClass) assert.equal(c.tp + c.fp + c.fn + c.tn, 14);
  });

  it('sets every 0/0 to 0 with a note naming the figure and class, and leaves unseen classes out of the macro mean', () => {
    // Every beat is N and predicted N; V never occurs: N's specificity is TN/(TN+FP) = 0/0,
    // V's Se, +P and F1 are 0/0, V's specificity is 2/2.
    const m = matrixMetrics(
      [
        [2, 0],
        [0, 0],
      ],
      ['N', 'V'],
    );
    assert.deepEqual(m.notes, [
      'specificity of N: every beat belongs to this class, set to 0',
      'recall (Se) of V: no beat of this class in the data, set to 0',
      'precision (+P) of V: no beat predicted as this class, set to 0',
      'F1 of V: class neither present nor predicted, set to 0',
    ]);
    assert.equal(m.perClass[1].specificity, 1);
    assert.equal(m.macro.f1, 1); // over N only
    assert.equal(m.balancedAccuracy, 1);
  });

  it('gives zeros for an empty matrix instead of NaN', () => {
    const m = matrixMetrics(
      [
        [0, 0],
        [0, 0],
      ],
      ['N', 'V'],
    );
    assert.deepEqual([m.accuracy, m.balancedAccuracy, m.macro.f1, m.weighted.f1], [0, 0, 0, 0]);
  });
});
