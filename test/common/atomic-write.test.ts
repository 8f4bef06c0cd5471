import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic, writeDirAtomic } from '../../lib/common';
import { tempDir } from '../helpers';

describe('common/atomic-write', () => {
  it('replaces a file whole and leaves no temporary file behind', () => {
    const dir = tempDir();
    const f = path.join(dir, 'a', 'x.json');
    writeFileAtomic(f, 'one');
    writeFileAtomic(f, 'two');
    assert.equal(fs.readFileSync(f, 'utf8'), 'two');
    assert.deepEqual(fs.readdirSync(path.dirname(f)), ['x.json']);
  });

  it('keeps the old directory when filling the new one fails', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'model');
    await writeDirAtomic(target, (tmp) => fs.writeFileSync(path.join(tmp, 'w.bin'), 'v1'));
    await assert.rejects(
      writeDirAtomic(target, (tmp) => {
        fs.writeFileSync(path.join(tmp, 'w.bin'), 'half');
        throw new Error('interrupted');
      }),
      /interrupted/,
    );
    assert.equal(fs.readFileSync(path.join(target, 'w.bin'), 'utf8'), 'v1');
    assert.deepEqual(fs.readdirSync(dir), ['model']);
  });
});
