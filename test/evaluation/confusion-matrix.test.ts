import { strict as assert } from 'assert';
import { confusionMatrix, predictClasses } from '../../lib/evaluation';
import { HAND_MATRIX, fromMatrix } from '../support/hand-confusion';

describe('evaluation/confusionMatrix', () => {
  const cm = HAND_MATRIX;

  it('rebuilds the confusion matrix from labels (rows true, columns predicted)', () => {
    const { yTrue, yPred } = fromMatrix(cm);
    assert.deepEqual(confusionMatrix(yTrue, yPred, 3), cm);
    assert.throws(() => confusionMatrix([0, 3], [0, 0], 3), /outside 0\.\.2/);
  });

  it('names the index of a negative or fractional label and refuses arrays of different lengths', () => {
    assert.throws(
      () => confusionMatrix([0, 1, 1], [0, -1, 1], 2),
      /^RangeError: confusionMatrix: label at index 1 \(true 1, predicted -1\) is outside 0\.\.1$/,
    );
    assert.throws(() => confusionMatrix([0, 0.5], [0, 0], 2), /label at index 1 \(true 0\.5, predicted 0\)/);
    assert.throws(() => confusionMatrix([0, 1], [0], 2), /confusionMatrix: 2 true labels but 1 predictions/);
  });

  it('gives a k × k matrix of zeros for no beats, and its entries sum to the number of beats', () => {
    assert.deepEqual(confusionMatrix([], [], 2), [
      [0, 0],
      [0, 0],
    ]);
    const m = confusionMatrix([2, 2, 0, 1, 2], [2, 0, 0, 1, 1], 4);
    assert.equal(m.length, 4);
    assert.equal(
      m.flat().reduce((a, b) => a + b, 0),
      5,
    );
    // Row 2 (true class 2): predicted 2 once, 0 once, 1 once.
    assert.deepEqual(m[2], [1, 1, 1, 0]);
  });
});

describe('evaluation/predictClasses', () => {
  it('predictClasses takes the arg-max, or thresholds a single column', () => {
    assert.deepEqual(Array.from(predictClasses([0.2, 0.5, 0.3, 0.6, 0.1, 0.3], 3)), [1, 0]);
    assert.deepEqual(Array.from(predictClasses([0.5, 0.49], 1)), [1, 0]);
  });

  it('breaks an arg-max tie towards the lower class and applies a given sigmoid threshold', () => {
    // Row 0: 0.4, 0.4, 0.2 (tie of 0 and 1 → 0); row 1: 0.1, 0.45, 0.45 (tie of 1 and 2 → 1).
    assert.deepEqual(Array.from(predictClasses([0.4, 0.4, 0.2, 0.1, 0.45, 0.45], 3)), [0, 1]);
    assert.deepEqual(Array.from(predictClasses([0.2, 0.3, 0.9], 1, 0.3)), [0, 1, 1]);
  });
});
