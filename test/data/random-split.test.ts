import { strict as assert } from 'assert';
import { randomSplit } from '../../lib/data';

describe('data/random-split', () => {
  it('partitions 0..n−1: every index once, none in both sets, both ascending', () => {
    const { train, test } = randomSplit(103, { testFraction: 0.3, seed: 7 });
    // round(103 × 0.3) = round(30.9) = 31
    assert.equal(test.length, 31);
    assert.deepEqual([...train, ...test].sort((a, b) => a - b), Array.from({ length: 103 }, (_, i) => i));
    for (const s of [train, test]) for (let i = 1; i < s.length; i++) assert.ok(s[i] > s[i - 1]);
  });

  it('stratifies: each class sends round(count × fraction) rows to test', () => {
    const y = Array.from({ length: 200 }, (_, i) => (i < 170 ? 0 : i < 193 ? 1 : 2)); // 170, 23, 7
    const { test } = randomSplit(200, { testFraction: 0.2, seed: 3, stratify: y });
    const count = (c: number): number => Array.from(test).filter((i) => y[i] === c).length;
    // 170 × 0.2 = 34; 23 × 0.2 = 4.6 → 5; 7 × 0.2 = 1.4 → 1
    assert.deepEqual([count(0), count(1), count(2)], [34, 5, 1]);
  });

  it('repeats with the same seed and changes with another', () => {
    assert.deepEqual(randomSplit(50, { testFraction: 0.2, seed: 1 }), randomSplit(50, { testFraction: 0.2, seed: 1 }));
    assert.notDeepEqual(randomSplit(50, { testFraction: 0.2, seed: 1 }).test, randomSplit(50, { testFraction: 0.2, seed: 2 }).test);
  });

  it('refuses fractions outside (0, 1) and labels of the wrong length, naming the option', () => {
    assert.throws(() => randomSplit(10, { testFraction: 1, seed: 1 }), /^EcgInputError: options.testFraction: bad value 1; expected a fraction strictly between 0 and 1$/);
    assert.throws(() => randomSplit(10, { testFraction: 0.5, seed: 1, stratify: [0, 1] }), /options.stratify: 2 rows against 10; expected one entry per row/);
    assert.throws(() => randomSplit(2, { testFraction: 0.5, seed: 1, stratify: [0, 0.5] }), /options.stratify\[1\]: label 0.5; expected class indices/);
  });
});
