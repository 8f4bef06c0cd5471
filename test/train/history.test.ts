import { strict as assert } from 'assert';
import { MONITORS, monitoredValue, type EpochEntry } from '../../lib/train';

const entry = (valLoss: number, valMacroF1: number): EpochEntry => ({
  epoch: 1,
  lr: 1e-3,
  loss: 1,
  valLoss,
  valAccuracy: 0.9,
  valBalancedAccuracy: 0.7,
  valMacroF1,
});

describe('train/history', () => {
  it('turns every monitored figure into "higher is better": validation loss is negated', () => {
    const e = entry(0.25, 0.6);
    assert.deepEqual(
      MONITORS.map((m) => monitoredValue(e, m)),
      [-0.25, 0.9, 0.7, 0.6],
    );
  });

  it('so the best epoch is the one of lowest loss, or of highest score', () => {
    const epochs = [entry(0.5, 0.4), entry(0.2, 0.3), entry(0.3, 0.7)];
    const best = (m: (typeof MONITORS)[number]) =>
      epochs.reduce((b, e, i) => (monitoredValue(e, m) > monitoredValue(epochs[b], m) ? i : b), 0);
    assert.equal(best('valLoss'), 1);
    assert.equal(best('valMacroF1'), 2);
  });

  it('is NaN for an epoch without that figure (no validation set)', () => {
    const e: EpochEntry = { epoch: 3, lr: 1e-3, loss: 0.8 };
    for (const m of MONITORS) assert.ok(Number.isNaN(monitoredValue(e, m)), m);
  });
});
