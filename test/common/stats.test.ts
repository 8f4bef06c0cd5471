import { strict as assert } from 'assert';
import {
  createRng,
  mean,
  meanSd,
  median,
  medianSorted,
  quantile,
  sampleSd,
  sampleWithReplacement,
} from '../../lib/common';
import { expectClose } from '../helpers';

describe('common/stats', () => {
  it('has one median definition: the middle value, or the mean of the two middle values', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([3, 1, 4, 2]), 2.5);
    assert.equal(median(Int32Array.of(360, 300, 420, 330)), 345);
    assert.ok(Number.isNaN(median([])));
  });

  it('takes the median of a sorted Float32Array in place, equal to the exact mean of its two middle values', () => {
    const sorted = Float32Array.of(0.1, 0.2, 0.7, 1.3);
    assert.equal(medianSorted(sorted), (sorted[1] + sorted[2]) / 2);
    assert.equal(medianSorted(Float32Array.of(-1, 5, 9)), 5);
    assert.ok(Number.isNaN(medianSorted(new Float32Array(0))));
  });

  it('gives the sample standard deviation with n − 1 (by hand: √(32/7) for 2 4 4 4 5 5 7 9)', () => {
    expectClose(sampleSd([2, 4, 4, 4, 5, 5, 7, 9]), Math.sqrt(32 / 7), 1e-15);
    assert.equal(sampleSd([5]), 0);
    assert.deepEqual(meanSd([1, 2, 3]), { mean: 2, sd: 1 });
    assert.deepEqual(meanSd([0.7]), { mean: 0.7, sd: 0 });
  });

  it('sums with compensation: 1e16 + 1 − 1e16 has mean 1/3, where a naive sum loses the 1', () => {
    const xs = [1e16, 1, -1e16];
    assert.equal(
      xs.reduce((a, b) => a + b, 0),
      0,
    );
    assert.equal(mean(xs), 1 / 3);
  });

  it("interpolates quantiles linearly between order statistics (numpy's default)", () => {
    // (n − 1)·p = 4·0.3 = 1.2 → 2 + 0.2·(3 − 2)
    expectClose(quantile([5, 1, 4, 2, 3], 0.3), 2.2, 1e-15);
    assert.deepEqual(quantile([1, 2, 3, 4], [0, 1]), [1, 4]);
  });

  it('draws with replacement from a seeded source, reproducibly', () => {
    const a = sampleWithReplacement([1, 2, 3, 4], 50, createRng(9).next);
    const b = sampleWithReplacement([1, 2, 3, 4], 50, createRng(9).next);
    assert.deepEqual(a, b);
    assert.ok(a.every((v) => [1, 2, 3, 4].includes(v)));
    assert.equal(new Set(a).size, 4);
  });
});
