import { strict as assert } from 'assert';
import { recordBootstrap, recordConfusions } from '../../lib/evaluation';
import { records } from '../support/hand-confusion';

describe('evaluation/recordConfusions', () => {
  it('counts each beat in its own record', () => {
    const c = recordConfusions([0, 1, 1, 0], [0, 1, 0, 1], ['101', '100', '101', '100'], ['N', 'V']);
    assert.deepEqual(c.records, ['100', '101']);
    assert.deepEqual(c.matrices[0], [
      [0, 1],
      [0, 1],
    ]);
    assert.deepEqual(c.matrices[1], [
      [1, 0],
      [1, 0],
    ]);
  });
  it('names the mismatch when the arrays differ in length', () => {
    assert.throws(() => recordConfusions([0], [0, 1], ['100'], ['N', 'V']), /1 labels, 2 predictions/);
  });
});

describe('evaluation/recordBootstrap', () => {
  it('matches the known answer for one perfect and one all-wrong record', () => {
    // Resampling 2 records: {A,A} accuracy 1 (p ¼), {A,B} 0.5 (p ½), {B,B} 0 (p ¼): the 95 %
    // interval is [0, 1] and the replicates split ¼ / ½ / ¼.
    const conf = records(2, 10, (i) => (i === 0 ? 10 : 0));
    const ci = recordBootstrap(conf, { seed: 7, replicates: 4000 });
    assert.deepEqual(ci.accuracy, [0, 1]);
    assert.equal(ci.records, 2);
    // Se of N is the accuracy here; +P of N is 1 whenever an N is predicted, undefined otherwise
    // ({B,B}, a quarter of the replicates: still more than half define it).
    assert.deepEqual(ci.perClass.N.se, [0, 1]);
    assert.deepEqual(ci.perClass.N.ppv, [1, 1]);
    // V never occurs in the truth: its Se is undefined in every replicate.
    assert.equal(ci.perClass.V.se, null);
  });
  it('gives a zero-width interval when every record has the same confusion matrix', () => {
    const ci = recordBootstrap(
      records(5, 20, () => 15),
      { seed: 1, replicates: 500 },
    );
    assert.deepEqual(ci.accuracy, [0.75, 0.75]);
  });
  it('narrows as records are added', () => {
    // Records alternate 60 % and 90 % accurate; more records → the pooled accuracy varies less.
    const width = (n: number) => {
      const ci = recordBootstrap(
        records(n, 50, (i) => (i % 2 ? 45 : 30)),
        { seed: 3, replicates: 2000 },
      );
      return ci.accuracy![1] - ci.accuracy![0];
    };
    const w4 = width(4);
    const w16 = width(16);
    const w64 = width(64);
    assert.ok(w16 < w4 && w64 < w16, `widths ${w4} ${w16} ${w64}`);
    // The spread of a mean of n records falls like 1/√n: quadrupling n about halves the width.
    assert.ok(w64 / w16 > 0.35 && w64 / w16 < 0.7, `ratio ${w64 / w16}`);
  });
  it('is reproducible with a seed and changes with another seed', () => {
    const conf = records(9, 30, (i) => 10 + 2 * i);
    const a = recordBootstrap(conf, { seed: 11 });
    assert.deepEqual(recordBootstrap(conf, { seed: 11 }), a);
    // The draws follow the seed: some other seed moves an end of the interval.
    const others = [12, 13, 14, 15].map((seed) => recordBootstrap(conf, { seed, replicates: 200 }).accuracy);
    assert.ok(others.some((o) => o![0] !== a.accuracy![0] || o![1] !== a.accuracy![1]));
  });
  it('refuses too few replicates with a clear message', () => {
    assert.throws(
      () =>
        recordBootstrap(
          records(2, 2, () => 1),
          { seed: 1, replicates: 10 },
        ),
      /10 replicates/,
    );
  });
});
