import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import { captureConsole, dataDir, tempDir } from '../helpers';

const capture = (argv: string[]) => captureConsole(() => main(argv));

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
