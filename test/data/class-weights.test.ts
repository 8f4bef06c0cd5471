import { strict as assert } from 'assert';
import { classWeights, sampleWeights } from '../../lib/data';
import { expectClose } from '../helpers';

describe('data/class-weights', () => {
  it("matches scikit-learn's 'balanced' rule n / (k · n_c): counts [90, 10]", () => {
    const y = [...new Array(90).fill(0), ...new Array(10).fill(1)];
    // 100 / (2 · 90) = 0.5556, 100 / (2 · 10) = 5
    expectClose(classWeights(y), [100 / (2 * 90), 100 / (2 * 10)], 1e-12);
  });

  it('gives an absent class 0 and normalises over the classes present', () => {
    // counts [3, 0, 1]: 4 / (2 · 3), 0, 4 / (2 · 1)
    expectClose(classWeights([0, 0, 2, 0], 3), [4 / 6, 0, 2], 1e-12);
  });

  it('weighted class totals are equal: Σ over rows of w_y is n / k per class', () => {
    const y = [0, 0, 0, 0, 1, 1, 2];
    const w = sampleWeights(y, classWeights(y));
    const per = [0, 1, 2].map((c) => y.reduce((s, v, i) => s + (v === c ? w[i] : 0), 0));
    expectClose(per, [7 / 3, 7 / 3, 7 / 3], 1e-6);
  });

  it('refuses empty or non-integer labels', () => {
    assert.throws(() => classWeights([]), /y: no labels; expected at least one label/);
    assert.throws(() => classWeights([0, -1]), /y\[1\]: label -1; expected class indices/);
  });
});
