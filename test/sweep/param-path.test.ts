import { strict as assert } from 'assert';
import { applyParams, getPath, setPath } from '../../lib/sweep';
import { presetConfig, resolveTrainConfig } from '../../lib/train';

describe('sweep/param-path', () => {
  it('setPath sets nested keys and array items and leaves the original alone', () => {
    const base = { model: { convBlocks: [{ filters: 8 }, { filters: 16 }] }, seed: 1 };
    const a = setPath(base, 'model.convBlocks[1].filters', 32);
    const b = setPath(base, 'model.convBlocks.0.filters', 4);
    assert.equal(getPath(a, 'model.convBlocks[1].filters'), 32);
    assert.equal(getPath(b, 'model.convBlocks[0].filters'), 4);
    assert.equal(base.model.convBlocks[1].filters, 16);
    assert.deepEqual(setPath({}, 'training.epochs', 2), { training: { epochs: 2 } });
  });

  it('a bad path or value in a training config is an error naming it, with the trial parameters', () => {
    const base = presetConfig('quick');
    const check = (c: unknown) => resolveTrainConfig(c);
    assert.throws(
      () => applyParams(base, { 'training.nope': 1 }, check),
      /training\.nope: unknown key.*\{"training\.nope":1\}/,
    );
    assert.throws(
      () => applyParams(base, { 'training.epochs': 0 }, check),
      /training\.epochs: expected a positive integer/,
    );
    assert.equal(applyParams(base, { 'training.epochs': 2 }, check).training.epochs, 2);
  });
});
