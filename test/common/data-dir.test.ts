import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { mitdbDir, outputsDir, repoRoot } from '../../lib/common';

describe('common/data-dir', () => {
  const root = path.resolve(__dirname, '..', '..');

  it('finds the repository root: the folder with package.json and lib/ above lib/common', () => {
    assert.equal(repoRoot(), root);
    assert.ok(fs.existsSync(path.join(repoRoot(), 'package.json')));
  });

  it('takes the MIT-BIH folder from ECG_DATA_DIR, made absolute, else the shipped subset', () => {
    assert.equal(mitdbDir({ ECG_DATA_DIR: '/srv/mitdb' }), '/srv/mitdb');
    assert.equal(mitdbDir({ ECG_DATA_DIR: 'rel/db' }), path.resolve('rel/db'));
    assert.equal(mitdbDir({}), path.join(root, 'data', 'mitdb'));
    assert.equal(mitdbDir({ ECG_DATA_DIR: '  ' }), path.join(root, 'data', 'mitdb'));
    // The shipped subset is there: its header of record 100 is what the default points at.
    assert.ok(fs.existsSync(path.join(mitdbDir({}), '100.hea')));
  });

  it('takes the output folder from ECG_OUTPUT_DIR, made absolute, else outputs/', () => {
    assert.equal(outputsDir({ ECG_OUTPUT_DIR: 'out' }), path.resolve('out'));
    assert.equal(outputsDir({ ECG_OUTPUT_DIR: '' }), path.join(root, 'outputs'));
    assert.equal(outputsDir({}), path.join(root, 'outputs'));
  });
});
