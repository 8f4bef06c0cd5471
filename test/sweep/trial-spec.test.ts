import { strict as assert } from 'assert';
import { createHash } from 'crypto';
import { makeTrialSpec, planTrials, trialId } from '../../lib/sweep';
import { presetConfig } from '../../lib/train';

const sha20 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 20);

describe('sweep/trialSpec', () => {
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

  it('is the sha256 of the canonical JSON (keys sorted at every level, arrays kept in order)', () => {
    // Written by hand: objective, config and folds under sorted keys, no spaces.
    assert.equal(
      trialId('toy', { y: 2, x: 1, sleepMs: 0 }, 0),
      sha20('{"config":{"sleepMs":0,"x":1,"y":2},"folds":0,"objective":"toy"}'),
    );
    assert.equal(
      trialId('train', { b: [{ z: 1, a: null }, 2], a: 'x' }, 5),
      sha20('{"config":{"a":"x","b":[{"a":null,"z":1},2]},"folds":5,"objective":"train"}'),
    );
    assert.notEqual(trialId('toy', { v: [1, 2] }, 0), trialId('toy', { v: [2, 1] }, 0));
    assert.notEqual(trialId('toy', { x: 1 }, 0), trialId('train', { x: 1 }, 0));
  });

  it('makeTrialSpec carries what a worker needs, with that id', () => {
    const config = { x: 1, y: 2, sleepMs: 0 };
    assert.deepEqual(makeTrialSpec(3, { x: 1 }, 'toy', config, 0), {
      id: trialId('toy', config, 0),
      index: 3,
      params: { x: 1 },
      objective: 'toy',
      config,
      folds: 0,
    });
    // The position and the params that led there are not part of the id.
    assert.equal(makeTrialSpec(0, {}, 'toy', config, 0).id, makeTrialSpec(7, { y: 2 }, 'toy', config, 0).id);
  });
});
