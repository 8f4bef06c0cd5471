import { strict as assert } from 'assert';
import { createRng } from '../../lib/common';
import { groupSplit, indexGroups } from '../../lib/data';

/** 30 patients with 20–80 beats each, about 8% of them class 1, patients differing in that rate. */
function cohort(seed: number): { groups: string[]; y: number[] } {
  const rng = createRng(seed);
  const groups: string[] = [];
  const y: number[] = [];
  for (let p = 0; p < 30; p++) {
    const rate = 0.16 * rng.next();
    const m = 20 + rng.int(61);
    for (let j = 0; j < m; j++) {
      groups.push(`p${p}`);
      y.push(rng.next() < rate ? 1 : 0);
    }
  }
  return { groups, y };
}

describe('data/group-split', () => {
  it('numbers groups in first-seen order', () => {
    const g = indexGroups(['b', 'a', 'b', 3, '3']);
    assert.deepEqual(g.names, ['b', 'a', '3']);
    assert.deepEqual(Array.from(g.of), [0, 1, 0, 2, 2]);
  });

  it('keeps each patient on one side, covers every row once, and lands near the fraction', () => {
    const { groups, y } = cohort(1);
    const s = groupSplit(groups, { testFraction: 0.25, seed: 4, y });
    const trainP = new Set(Array.from(s.train, (i) => groups[i]));
    const testP = new Set(Array.from(s.test, (i) => groups[i]));
    assert.ok([...testP].every((p) => !trainP.has(p)));
    assert.deepEqual([...testP].sort(), [...s.testGroups].sort());
    assert.deepEqual([...trainP].sort(), [...s.trainGroups].sort());
    assert.equal(s.train.length + s.test.length, groups.length);
    assert.equal(new Set([...s.train, ...s.test]).size, groups.length);
    const share = s.test.length / groups.length;
    assert.ok(Math.abs(share - 0.25) < 0.03, `test share ${share}`);
    // Class-1 share on each side within 2 points of the whole (the search weighs it).
    const rate = (idx: Int32Array): number => Array.from(idx).filter((i) => y[i] === 1).length / idx.length;
    const all = y.filter((v) => v === 1).length / y.length;
    assert.ok(Math.abs(rate(s.test) - all) < 0.02 && Math.abs(rate(s.train) - all) < 0.02, `${rate(s.test)} / ${rate(s.train)} vs ${all}`);
  });

  it('repeats with the same seed', () => {
    const { groups, y } = cohort(2);
    assert.deepEqual(groupSplit(groups, { testFraction: 0.2, seed: 9, y }), groupSplit(groups, { testFraction: 0.2, seed: 9, y }));
  });

  it('refuses a single group', () => {
    assert.throws(() => groupSplit(['a', 'a'], { testFraction: 0.5, seed: 1 }), /groups: 1 group; expected at least two groups \(patients\) to split/);
  });
});
