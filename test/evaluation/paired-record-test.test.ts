import { strict as assert } from 'assert';
import { pairedRecordTest } from '../../lib/evaluation';
import { records } from '../support/hand-confusion';

describe('evaluation/pairedRecordTest', () => {
  it('finds no difference between a model and itself (p = 1, interval [0, 0])', () => {
    const conf = records(6, 20, (i) => 5 + i);
    const t = pairedRecordTest(conf, conf, 'accuracy', { seed: 2, replicates: 500 });
    assert.equal(t.difference, 0);
    assert.deepEqual(t.ci95, [0, 0]);
    assert.equal(t.pValue, 1);
  });
  it('matches the exact permutation p-value of a perfect vs an all-wrong model on 4 records', () => {
    // d = 1; a swap pattern reaches |d*| = 1 only when no record or every record is swapped:
    // 2 of the 2⁴ patterns, so p = 1/8.
    const a = records(4, 10, () => 10);
    const b = records(4, 10, () => 0);
    const t = pairedRecordTest(a, b, 'accuracy', { seed: 5, replicates: 8000 });
    assert.equal(t.difference, 1);
    assert.deepEqual(t.ci95, [1, 1]);
    assert.ok(Math.abs(t.pValue - 0.125) < 0.015, `p = ${t.pValue}`);
  });
  it('is antisymmetric: B vs A gives −d and the same p-value', () => {
    const a = records(8, 20, (i) => 10 + i);
    const b = records(8, 20, (i) => 12 - (i % 3));
    const ab = pairedRecordTest(a, b, 'N.se', { seed: 9, replicates: 1000 });
    const ba = pairedRecordTest(b, a, 'N.se', { seed: 9, replicates: 1000 });
    assert.equal(ba.difference, -ab.difference);
    assert.equal(ba.pValue, ab.pValue);
  });
  it('refuses models scored on different records', () => {
    assert.throws(
      () =>
        pairedRecordTest(
          records(3, 5, () => 1),
          records(4, 5, () => 1),
          'accuracy',
          { seed: 1 },
        ),
      /different records/,
    );
  });

  it("gives each model's pooled figure and refuses fewer than 100 replicates", () => {
    // A: 4 records, all 10 beats right → accuracy 1; B: 3 of 10 right on each → 12/40 = 0.3.
    const t = pairedRecordTest(
      records(4, 10, () => 10),
      records(4, 10, () => 3),
      'accuracy',
      { seed: 3, replicates: 100 },
    );
    assert.deepEqual([t.a, t.b, t.records], [1, 0.3, 4]);
    assert.equal(t.difference, 1 - 0.3);
    assert.throws(
      () =>
        pairedRecordTest(
          records(2, 5, () => 1),
          records(2, 5, () => 1),
          'accuracy',
          { seed: 1, replicates: 99 },
        ),
      /pairedRecordTest: 99 replicates; expected an integer >= 100/,
    );
  });
});
