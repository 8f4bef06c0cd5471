import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dataDir, tempDir } from '../helpers';

import { runEcg as capture } from '../support/run-ecg';

describe('cli/train', () => {
  it('names the key of a config with an unknown key, in one line with exit code 2', async () => {
    const file = path.join(tempDir(), 'cfg.json');
    fs.writeFileSync(file, JSON.stringify({ model: { arch: 'cnn1d' }, training: { epochz: 3 } }));
    const r = await capture(['train', '--config', file, '--out', tempDir()]);
    assert.equal(r.code, 2);
    assert.match(r.err, /cfg\.json, training\.epochz: unknown key; expected one of epochs/);
    assert.equal(r.err.split('\n').length, 1);
  });

  it('names the key and expected type of a wrong value', async () => {
    const file = path.join(tempDir(), 'cfg.json');
    fs.writeFileSync(file, JSON.stringify({ model: { arch: 'cnn1d' }, training: { epochs: 'ten' } }));
    const r = await capture(['train', '--config', file]);
    assert.equal(r.code, 2);
    assert.match(r.err, /training\.epochs: expected a positive integer, got "ten"/);
  });

  it('refuses an unknown preset and a missing config, listing what it expects', async () => {
    const r = await capture(['train', '--preset', 'huge']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown preset 'huge'; expected quick or full/);
    assert.match((await capture(['train'])).err, /no config; expected one of --config or --preset/);
  });
});

describe('cli/train --preset full', () => {
  it('refuses a data folder without the whole database, naming the folder', async function () {
    const r = await capture(['train', '--preset', 'full', '--data', path.join(__dirname, '..', '..', 'data', 'mitdb')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /data\/mitdb, --preset full: 3\d of the 44 DS1\/DS2 records are missing/);
  });
});

describe('cli/train --preset study-*', function () {
  this.timeout(600000);

  it('runs one split of a study preset under a budget and writes its results', async () => {
    const out = tempDir();
    const r = await capture([
      'train',
      '--preset',
      'study-custom-cnn',
      '--split',
      'honest',
      '--budget',
      'quick',
      '--data',
      dataDir(),
      '--out',
      out,
    ]);
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.out,
      /study-custom-cnn · honest split \(inter-patient, budget quick\) · Custom CNN: accuracy 0\.\d{3}/,
    );
    const saved = JSON.parse(fs.readFileSync(path.join(out, 'honest', 'evaluation_results.json'), 'utf8'));
    assert.equal(saved.budget.name, 'quick');
    assert.ok(!fs.existsSync(path.join(out, 'study')));
  });

  it('names the option of a bad split, budget or an option study presets do not take', async () => {
    let r = await capture(['train', '--preset', 'study-custom-cnn', '--split', 'both']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--split: --split both; expected study or honest/);
    r = await capture(['train', '--preset', 'study-custom-cnn', '--budget', 'huge']);
    assert.match(r.err, /budget 'huge'; expected published, quick, full/);
    r = await capture(['train', '--preset', 'study-custom-cnn', '--epochs', '3']);
    assert.match(r.err, /--epochs with a study preset; expected --budget to cap epochs/);
    r = await capture(['train', '--preset', 'quick', '--split', 'honest']);
    assert.match(r.err, /--split given; expected a study preset/);
    r = await capture(['train', '--preset', 'study-nope']);
    assert.match(r.err, /no study preset 'study-nope'/);
  });
});
