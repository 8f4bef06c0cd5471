import { strict as assert } from 'assert';
import { createRng, mixSeeds, seedStreams, shuffledIndices, SEED_STREAMS } from '../../lib/common';

describe('common/rng', () => {
  it('repeats the same stream for the same seed and differs for another seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xa = Array.from({ length: 5 }, () => a.next());
    const xb = Array.from({ length: 5 }, () => b.next());
    const xc = Array.from({ length: 5 }, () => c.next());
    assert.deepEqual(xa, xb);
    assert.notDeepEqual(xa, xc);
    for (const x of xa) assert.ok(x >= 0 && x < 1);
  });

  it('draws normals with mean near 0 and variance near 1', () => {
    const r = createRng(1);
    const n = 20000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    // Standard error of the mean is 1/sqrt(n) ≈ 0.007; 5 s.e. bounds.
    assert.ok(Math.abs(mean) < 0.035, `mean ${mean}`);
    assert.ok(Math.abs(s2 / n - mean * mean - 1) < 0.05);
  });

  it('shuffles into a permutation', () => {
    const p = Array.from(shuffledIndices(100, createRng(3))).sort((x, y) => x - y);
    assert.deepEqual(
      p,
      Array.from({ length: 100 }, (_, i) => i),
    );
  });

  it('mixes two seeds with the murmur3 finaliser, checked against a BigInt reference', () => {
    const M = 1n << 32n;
    const mul = (a: bigint, b: bigint) => (a * b) % M;
    const ref = (a: number, b: number): number => {
      let h = mul(BigInt(a >>> 0), 0x9e3779b1n) ^ BigInt(b >>> 0);
      h = mul(h ^ (h >> 16n), 0x85ebca6bn);
      h = mul(h ^ (h >> 13n), 0xc2b2ae35n);
      return Number(h ^ (h >> 16n));
    };
    for (const [a, b] of [
      [0, 0],
      [1, 2],
      [42, 6],
      [0xffffffff, 0x5eed],
      [-1, 3],
    ]) {
      assert.equal(mixSeeds(a, b), ref(a, b), `mixSeeds(${a}, ${b})`);
    }
    assert.notEqual(mixSeeds(1, 2), mixSeeds(2, 1));
  });

  it('names the seed streams of a run with the numbers training has always used', () => {
    // split 1 … adaptation 8, the numbers lib/train used before the streams had names: results reproduce.
    // 9–11 are new (they replaced mixSeeds(seed, 9 + r) and the study samples' 7 and 8, which
    // clashed with bootstrap and adaptation): every stream has its own number.
    assert.deepEqual(SEED_STREAMS, {
      split: 1,
      validation: 2,
      cap: 3,
      oversample: 4,
      model: 5,
      training: 6,
      bootstrap: 7,
      adaptation: 8,
      fineTuning: 9,
      validationSample: 10,
      testSample: 11,
    });
    assert.equal(new Set(Object.values(SEED_STREAMS)).size, Object.keys(SEED_STREAMS).length);
    const s = seedStreams(42);
    for (const [name, k] of Object.entries(SEED_STREAMS)) {
      assert.equal(s.for(name as keyof typeof SEED_STREAMS), mixSeeds(42, k));
    }
    const all = Object.keys(SEED_STREAMS).map((n) => s.for(n as keyof typeof SEED_STREAMS));
    assert.equal(new Set(all).size, all.length, 'streams are distinct');
    assert.throws(() => s.for('shuffle' as never), /seedStreams: no seed stream 'shuffle'; expected split, validation/);
  });
});
