import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import { captureConsole, tempDir } from '../helpers';

// Runs `ecg <argv>` in-process and captures what it prints.
export const capture = (argv: string[]) => captureConsole(() => main(argv));

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
