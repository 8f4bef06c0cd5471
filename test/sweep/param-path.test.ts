import { strict as assert } from 'assert';
import { applyParams, getPath, planTrials, setPath, trialId } from '../../lib/sweep';
import { presetConfig, resolveTrainConfig } from '../../lib/train';

describe('sweep/param-path and trial ids', () => {
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

  it('planTrials checks every trial before returning any', () => {
    const base = presetConfig('quick');
    assert.throws(
      () => planTrials(base, 'train', { kind: 'grid', grid: { 'training.epochs': [1, 2, -1] } }, 0),
      /training\.epochs: expected a positive integer, got -1/,
    );
    assert.throws(() => planTrials(base, 'train', { kind: 'grid', grid: { seed: [1] } }, 1), /--folds 1/);
  });

  it('a trial id depends on what runs, not on key order or the params that got there', () => {
    const a = trialId('toy', { x: 1, y: 2, sleepMs: 0 }, 0);
    assert.match(a, /^[0-9a-f]{20}$/);
    assert.equal(trialId('toy', { sleepMs: 0, y: 2, x: 1 }, 0), a);
    assert.notEqual(trialId('toy', { x: 1, y: 2, sleepMs: 0 }, 3), a);
    assert.notEqual(trialId('toy', { x: 1, y: 2.5, sleepMs: 0 }, 0), a);
    // Defaults filled in: a config that spells out a default is the same trial.
    const spelled = planTrials(
      presetConfig('quick'),
      'train',
      { kind: 'list', trials: [{ 'training.mixupAlpha': 0 }] },
      0,
    );
    const implicit = planTrials(presetConfig('quick'), 'train', { kind: 'list', trials: [{}] }, 0);
    assert.equal(spelled[0].id, implicit[0].id);
  });
});
