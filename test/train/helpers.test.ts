import { strict as assert } from 'assert';
import { createRng } from '../../lib/common';
import { capPerClass, consoleProgress, mixupBatch, type Batch } from '../../lib/train';

describe('train/progress', () => {
  const entry = {
    epoch: 1,
    lr: 1e-3,
    loss: 0.5,
    valLoss: 0.4,
    valAccuracy: 0.9,
    valBalancedAccuracy: 0.8,
    valMacroF1: 0.7,
  };
  it('prints one compact line per epoch and no batch lines when not on a terminal', () => {
    const out: string[] = [];
    const p = consoleProgress({ isTTY: false, write: (s: string) => out.push(s) });
    p.batch(1, 2, 5, 10, 0.6);
    p.epoch(entry, 2, 1.5);
    assert.deepEqual(out.length, 1);
    assert.match(out[0], /^epoch 1\/2 {2}loss 0\.5000 {2}val_loss 0\.4000 .* 1\.5 s\n$/);
    assert.ok(!out[0].includes('\r'));
  });
  it('redraws one line with \\r on a terminal and clears it before the epoch line', () => {
    const out: string[] = [];
    const p = consoleProgress({ isTTY: true, write: (s: string) => out.push(s) });
    p.batch(1, 2, 10, 10, 0.6);
    p.epoch(entry, 2, 1.5);
    assert.match(out[0], /^\repoch 1\/2 {2}batch 10\/10 {2}loss 0\.6000/);
    // \r, then ESC [K (erase to the end of the line), then the epoch line.
    assert.ok(out[1].startsWith('\r\x1b[Kepoch 1/2'), JSON.stringify(out[1]));
  });
});

describe('train/capPerClass', () => {
  it('keeps at most max rows per class, ascending, and all rows of smaller classes', () => {
    const y = Int32Array.from([0, 0, 0, 0, 1, 2, 2]);
    const kept = capPerClass(y, [0, 1, 2, 3, 4, 5, 6], 2, 1);
    assert.deepEqual(
      Array.from(kept)
        .map((i) => y[i])
        .sort(),
      [0, 0, 1, 2, 2],
    );
    assert.deepEqual(
      Array.from(kept),
      [...kept].sort((a, b) => a - b),
    );
    assert.deepEqual(Array.from(capPerClass(y, [0, 1, 2, 3, 4, 5, 6], 2, 1)), Array.from(kept));
    assert.equal(capPerClass(y, [0, 1, 2, 3, 4, 5, 6], 0, 1).length, 7);
  });
});

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
