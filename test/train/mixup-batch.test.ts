import { strict as assert } from 'assert';
import { createRng } from '../../lib/common';
import { mixupBatch, type Batch } from '../../lib/train';

describe('train/mixupBatch', () => {
  it('mixes beats, side features, targets and weights with the same λ and partner', () => {
    // Two rows: beat [0,0] class 0 weight 1 side [0]; beat [1,1] class 1 weight 3 side [2].
    const batch: Batch = {
      x: Float32Array.from([0, 0, 1, 1]),
      side: Float32Array.from([0, 2]),
      target: Float32Array.from([1, 0, 0, 1]),
      weight: Float32Array.from([1, 3]),
      y: Int32Array.from([0, 1]),
      rows: 2,
    };
    const m = mixupBatch(0.4)(batch, createRng(5));
    for (let i = 0; i < 2; i++) {
      // For a row mixed with the other one: x = λ·own + (1−λ)·other, so the class-1 target share equals
      // the beat value, and side = 2·(class-1 share), weight = 1 + 2·(class-1 share).
      const share1 = m.target[i * 2 + 1];
      assert.ok(Math.abs(m.target[i * 2] + share1 - 1) < 1e-6);
      assert.ok(Math.abs(m.x[i * 2] - share1) < 1e-6);
      assert.ok(Math.abs(m.side![i] - 2 * share1) < 1e-6);
      assert.ok(Math.abs(m.weight[i] - (1 + 2 * share1)) < 1e-5);
    }
  });
});
