import { strict as assert } from 'assert';
import { randomOversample } from '../../lib/data';

describe('data/oversample', () => {
  const x = Float32Array.from({ length: 12 }, (_, i) => i); // rows [0,1], [2,3], … [10,11]
  const y = [0, 0, 0, 0, 1, 2];
  const frozen = Object.freeze([...y]);

  it('keeps every row once and tops each class up to the largest by copies of its own rows', () => {
    const r = randomOversample({ x, y: frozen, n: 6, length: 2 }, { seed: 3 });
    // 4 + 4 + 4 rows
    assert.equal(r.n, 12);
    assert.deepEqual(Array.from(r.source.subarray(0, 6)), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual([0, 1, 2].map((c) => Array.from(r.y).filter((v) => v === c).length), [4, 4, 4]);
    for (let i = 0; i < r.n; i++) {
      assert.equal(r.y[i], y[r.source[i]]);
      assert.deepEqual(Array.from(r.x.subarray(2 * i, 2 * i + 2)), [2 * r.source[i], 2 * r.source[i] + 1]);
    }
    assert.deepEqual(Array.from(x.subarray(0, 2)), [0, 1], 'input unchanged');
  });

  it('repeats with the same seed', () => {
    const big = { x: new Float32Array(40), y: Array.from({ length: 20 }, (_, i) => (i < 15 ? 0 : 1)), n: 20, length: 2 };
    assert.deepEqual(randomOversample(big, { seed: 1 }).source, randomOversample(big, { seed: 1 }).source);
    assert.notDeepEqual(randomOversample(big, { seed: 1 }).source, randomOversample(big, { seed: 2 }).source);
  });

  it('refuses x that is not n × length', () => {
    assert.throws(() => randomOversample({ x, y, n: 5, length: 2 }, { seed: 1 }), /x: x has 12 values; expected n × length = 5 × 2/);
  });
});
