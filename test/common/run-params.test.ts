import { strict as assert } from 'assert';
import * as path from 'path';
import { runParams } from '../../lib/common';

describe('common/run-params', () => {
  it('reads profile, seed and folders from the environment', () => {
    const p = runParams({ ECG_PROFILE: 'full', ECG_SEED: '7', ECG_DATA_DIR: '/tmp/db', ECG_OUTPUT_DIR: 'out' });
    assert.deepEqual(p, { profile: 'full', seed: 7, dataDir: '/tmp/db', outDir: path.resolve('out') });
  });

  it('defaults to the quick profile, seed 42 and the shipped subset', () => {
    const p = runParams({});
    assert.equal(p.profile, 'quick');
    assert.equal(p.seed, 42);
    assert.match(p.dataDir, /data[\\/]mitdb$/);
  });

  it('names the variable and what it expects when a value is wrong', () => {
    assert.throws(
      () => runParams({ ECG_PROFILE: 'fast' }),
      /environment, ECG_PROFILE: ECG_PROFILE is 'fast'; expected 'quick' or 'full'/,
    );
    assert.throws(() => runParams({ ECG_SEED: '-1' }), /ECG_SEED: ECG_SEED is '-1'; expected a non-negative integer/);
  });
});
