import { strict as assert } from 'assert';
import { createRng } from '../../lib/common';
import { mixup, sampleBeta } from '../../lib/data';
import { expectClose } from '../helpers';

describe('data/mixup', () => {
  it('draws Beta(α, α) with mean 1/2 and variance 1 / (4(2α + 1))', () => {
    for (const alpha of [0.2, 1, 3]) {
      const rng = createRng(17);
      const m = 40000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < m; i++) {
        const b = sampleBeta(alpha, alpha, rng);
        assert.ok(b >= 0 && b <= 1);
        s += b;
        s2 += b * b;
      }
      const mean = s / m;
      const variance = s2 / m - mean * mean;
      // Beta(a, a): mean 1/2, var a² / ((2a)² (2a + 1)) = 1 / (4 (2a + 1)); α = 0.2 → 0.1786.
      expectClose(mean, 0.5, 0.01, `mean α=${alpha}`);
      expectClose(variance, 1 / (4 * (2 * alpha + 1)), 0.006, `variance α=${alpha}`);
    }
  });

  it('mixes each row with its partner by its λ, in x and in one-hot targets', () => {
    const x = Float32Array.from([0, 0, 1, 1, 10, 20]);
    const r = mixup({ x, y: [0, 1, 2], n: 3, length: 2 }, { alpha: 0.4, seed: 5, columns: 3 });
    for (let i = 0; i < 3; i++) {
      const l = r.lambda[i];
      const j = r.partner[i];
      expectClose(r.x.subarray(2 * i, 2 * i + 2), [l * x[2 * i] + (1 - l) * x[2 * j], l * x[2 * i + 1] + (1 - l) * x[2 * j + 1]], 1e-5);
      const t = r.target.subarray(3 * i, 3 * i + 3);
      expectClose(t.reduce((a, b) => a + b, 0), 1, 1e-6, 'targets sum to 1');
      expectClose(t[i], i === j ? 1 : l, 1e-6);
    }
    assert.deepEqual(Array.from(r.partner).sort(), [0, 1, 2]);
  });

  it('gives a soft 0/1 column for a single sigmoid output, and α = 0 leaves rows unmixed', () => {
    const x = Float32Array.from([1, 2, 3, 4]);
    const r = mixup({ x, y: [0, 1, 1, 0], n: 4, length: 1 }, { alpha: 1, seed: 2, columns: 1 });
    for (let i = 0; i < 4; i++) expectClose(r.target[i], r.lambda[i] * [0, 1, 1, 0][i] + (1 - r.lambda[i]) * [0, 1, 1, 0][r.partner[i]], 1e-6);
    const none = mixup({ x, y: [0, 1, 1, 0], n: 4, length: 1 }, { alpha: 0, seed: 2, columns: 1 });
    assert.deepEqual(Array.from(none.x), [1, 2, 3, 4]);
    assert.deepEqual(Array.from(none.target), [0, 1, 1, 0]);
  });

  it('repeats with the same seed', () => {
    const rows = { x: Float32Array.from({ length: 50 }, (_, i) => i), y: Array.from({ length: 10 }, (_, i) => i % 2), n: 10, length: 5 };
    assert.deepEqual(mixup(rows, { alpha: 0.2, seed: 8, columns: 2 }), mixup(rows, { alpha: 0.2, seed: 8, columns: 2 }));
  });

  it('refuses labels that do not fit the target columns', () => {
    assert.throws(() => mixup({ x: new Float32Array(3), y: [0, 1, 2], n: 3, length: 1 }, { alpha: 1, seed: 1, columns: 1 }), /options.columns: 3 classes for 1 target columns/);
  });
});
