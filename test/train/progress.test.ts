import { strict as assert } from 'assert';
import { consoleProgress } from '../../lib/train';

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
