import { strict as assert } from 'assert';
import { createRng } from '../../lib/common';
import { stratifiedGroupKFold } from '../../lib/data';

describe('data/stratified-group-k-fold', () => {
  it('balances pure groups perfectly when it can: 4 all-0 and 4 all-1 patients → one of each per fold', () => {
    const y: number[] = [];
    const groups: string[] = [];
    for (let p = 0; p < 8; p++) for (let j = 0; j < 10; j++) [y[y.length], groups[groups.length]] = [p < 4 ? 0 : 1, `p${p}`];
    const folds = stratifiedGroupKFold(y, groups, { k: 4, seed: 3 });
    for (const f of folds) {
      assert.equal(f.test.length, 20);
      assert.equal(Array.from(f.test).filter((i) => y[i] === 1).length, 10);
      assert.equal(f.testGroups.length, 2);
    }
  });

  it('puts every row in exactly one test fold, no patient in two folds, train = the rest', () => {
    const rng = createRng(5);
    const y: number[] = [];
    const groups: number[] = [];
    for (let p = 0; p < 40; p++) {
      const rate = p % 5 === 0 ? 0.4 : 0.05;
      for (let j = 0, m = 10 + rng.int(40); j < m; j++) [y[y.length], groups[groups.length]] = [rng.next() < rate ? 1 : rng.next() < 0.05 ? 2 : 0, p];
    }
    const k = 5;
    const folds = stratifiedGroupKFold(y, groups, { k, seed: 1 });
    const seen = new Int32Array(y.length);
    const foldOfGroup = new Map<number, number>();
    folds.forEach((f, fi) => {
      for (const i of f.test) {
        seen[i]++;
        assert.ok((foldOfGroup.get(groups[i]) ?? fi) === fi, `patient ${groups[i]} in two folds`);
        foldOfGroup.set(groups[i], fi);
      }
      assert.equal(f.train.length + f.test.length, y.length);
      const inTest = new Set(f.test);
      assert.ok(Array.from(f.train).every((i) => !inTest.has(i)));
    });
    assert.ok(seen.every((c) => c === 1));
    // Stratification bound: each class's share per fold within 0.06 of 1/k (groups of up to 50 rows).
    for (let c = 0; c < 3; c++) {
      const total = y.filter((v) => v === c).length;
      for (const f of folds) {
        const share = Array.from(f.test).filter((i) => y[i] === c).length / total;
        assert.ok(Math.abs(share - 1 / k) < 0.06, `class ${c}: fold share ${share}`);
      }
    }
  });

  it('repeats with the same seed', () => {
    const y = Array.from({ length: 60 }, (_, i) => (i % 7 === 0 ? 1 : 0));
    const g = Array.from({ length: 60 }, (_, i) => `p${i % 12}`);
    assert.deepEqual(stratifiedGroupKFold(y, g, { k: 3, seed: 2 }), stratifiedGroupKFold(y, g, { k: 3, seed: 2 }));
  });

  it('refuses fewer groups than folds', () => {
    assert.throws(() => stratifiedGroupKFold([0, 1, 0], ['a', 'b', 'a'], { k: 3, seed: 1 }), /groups: 2 groups for 3 folds; expected at least 3 groups \(patients\)/);
  });
});
