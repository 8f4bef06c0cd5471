import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { removeStaged, stageUpload } from '../../lib/serve';
import { tempDir } from '../helpers';

const file = (filename: string, text: string) => ({ filename, data: Buffer.from(text) });
const HEA = (dat: string) => `rec1 2 360 10\n${dat} 212 200 11 1024 0 0 0 MLII\n${dat} 212 200 11 1024 0 0 0 V5\n`;

describe('serve/stageUpload', () => {
  it('writes the record under the names its header gives, in a private folder that removeStaged deletes', async () => {
    const root = tempDir();
    const s = await stageUpload(
      { hea: file('x.hea', HEA('rec1.dat')), dat: file('whatever.dat', 'abc'), atr: file('y.atr', 'zz') },
      root,
    );
    assert.equal(path.dirname(s.dir), root);
    assert.equal(s.path, path.join(s.dir, 'rec1'));
    assert.deepEqual(fs.readdirSync(s.dir).sort(), ['rec1.atr', 'rec1.dat', 'rec1.hea']);
    assert.equal(fs.readFileSync(path.join(s.dir, 'rec1.dat'), 'utf8'), 'abc');
    assert.equal(fs.statSync(s.dir).mode & 0o777, 0o700);
    assert.equal(s.hasAnnotations, true);
    await removeStaged(s.dir);
    assert.deepEqual(fs.readdirSync(root), []);
  });

  it('refuses headers that name a path, several files or a hidden one, and writes nothing', async () => {
    const root = tempDir();
    for (const dat of ['../rec1.dat', '/tmp/rec1.dat', 'a/b.dat', '.rec1.dat', 'rec1.hea']) {
      await assert.rejects(stageUpload({ hea: file('r.hea', HEA(dat)), dat: file('d', 'x') }, root), /r\.hea, line 2/);
    }
    const two = 'rec1 2 360 10\na.dat 212 200 11 1024 0 0 0 MLII\nb.dat 212 200 11 1024 0 0 0 V5\n';
    await assert.rejects(stageUpload({ hea: file('r.hea', two), dat: file('d', 'x') }, root), /names 2 signal files/);
    await assert.rejects(
      stageUpload({ hea: file('r.hea', HEA('rec1.dat').replace('rec1 2', '.up 2')), dat: file('d', 'x') }, root),
      /r\.hea, line 1: record name '.up' is not a plain file name/,
    );
    assert.deepEqual(fs.readdirSync(root), []);
  });

  it('stages a CSV under its own name only when that name is plain', async () => {
    const root = tempDir();
    const a = await stageUpload({ csv: file('beats.csv', '1,2\n') }, root);
    assert.equal(path.basename(a.path), 'beats.csv');
    const b = await stageUpload({ csv: file('../../x;rm.csv', '1,2\n') }, root);
    assert.equal(path.basename(b.path), 'upload.csv');
    assert.equal(path.dirname(b.path), b.dir);
  });
});
