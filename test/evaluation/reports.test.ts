import { strict as assert } from 'assert';
import { aamiReport, crossValidate, evaluateClassifier, protocolReport } from '../../lib/evaluation';
import { expectClose } from '../helpers';

function oneHot(labels: number[], k: number): Float32Array {
  const out = new Float32Array(labels.length * k);
  labels.forEach((l, i) => (out[i * k + l] = 1));
  return out;
}

describe('evaluation/aamiReport', () => {
  it('gives Se and +P in percent and the difference to de Chazal et al. 2004', () => {
    // truth/prediction pairs: S→S, S→N, V→V, N→N: S Se 1/2, +P 1/1; V Se 1, +P 1.
    const r = evaluateClassifier([1, 1, 2, 0], oneHot([1, 0, 2, 0], 4), ['N', 'S', 'V', 'F']);
    const a = aamiReport(r);
    assert.deepEqual(a.classes.S, { se: 50, ppv: 100 });
    // 50 − 75.9 = −25.9, 100 − 38.5 = 61.5; V: 100 − 77.7 = 22.3, 100 − 81.9 = 18.1 (rounded to 0.001).
    assert.deepEqual(a.versusDeChazal.S, { se: -25.9, ppv: 61.5 });
    assert.deepEqual(a.versusDeChazal.V, { se: 22.3, ppv: 18.1 });
  });
});

describe('evaluation/protocolReport', () => {
  const r = evaluateClassifier([0, 1], oneHot([0, 1], 2), ['N', 'V']);
  it('marks intra-patient figures as having one patient on both sides', () => {
    const p = protocolReport('intra-patient', r, ['100', '101'], ['100', '101']);
    assert.equal(p.protocol, 'intra-patient');
    assert.match(p.protocolNotes[0], /both sides/);
  });
  it('flags records shared between the sides of an inter-patient split', () => {
    assert.deepEqual(protocolReport('inter-patient', r, ['101'], ['100']).protocolNotes, []);
    assert.match(
      protocolReport('inter-patient', r, ['100', '101'], ['100']).protocolNotes[0],
      /Records 100 appear on both sides/,
    );
  });
});

describe('evaluation/crossValidate', () => {
  it('evaluates each fold, pools the out-of-fold predictions and reports mean ± sd', async () => {
    const y = [0, 1, 0, 1];
    const folds = [
      { train: [2, 3], test: [0, 1] },
      { train: [0, 1], test: [2, 3] },
    ];
    // Fold 0 predicts its truth (accuracy 1); fold 1 predicts class 0 for both (accuracy 1/2).
    const cv = await crossValidate({
      folds,
      y,
      classes: ['N', 'V'],
      trainAndPredict: async (fold, i) => oneHot(i === 0 ? Array.from(fold.test, (j) => y[j]) : [0, 0], 2),
    });
    assert.deepEqual(
      cv.folds.map((f) => f.accuracy),
      [1, 0.5],
    );
    expectClose(cv.spread.accuracy.mean, 0.75, 1e-12);
    expectClose(cv.spread.accuracy.sd, Math.sqrt((0.25 ** 2 + 0.25 ** 2) / 1), 1e-12); // sample sd of {1, 0.5}
    assert.equal(cv.pooled.accuracy, 3 / 4);
    assert.deepEqual(cv.pooled.confusionMatrix, [
      [2, 0],
      [1, 1],
    ]);
  });

  it('refuses folds whose test sets overlap', async () => {
    await assert.rejects(
      crossValidate({
        folds: [
          { train: [], test: [0] },
          { train: [], test: [0] },
        ],
        y: [0],
        classes: ['a', 'b'],
        trainAndPredict: async () => [1, 0],
      }),
      /more than one fold/,
    );
  });
});
