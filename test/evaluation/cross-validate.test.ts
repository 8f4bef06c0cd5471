import { strict as assert } from 'assert';
import { crossValidate } from '../../lib/evaluation';
import { expectClose } from '../helpers';

function oneHot(labels: number[], k: number): Float32Array {
  const out = new Float32Array(labels.length * k);
  labels.forEach((l, i) => (out[i * k + l] = 1));
  return out;
}

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
