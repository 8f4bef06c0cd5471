import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readDataset, writeDataset } from '../../lib/data';
import { tempDir } from '../helpers';

describe('data/dataset-file', () => {
  const ds = {
    x: Float32Array.from([1.5, -2, 3, 4, 5, 6]),
    n: 2,
    length: 3,
    fsHz: 360,
    y: Int32Array.from([0, 4]),
    sample: Int32Array.from([370, 662]),
    record: ['100', '101'],
    classes: ['N', 'S', 'V', 'F', 'Q'],
    odd: Uint8Array.from([7]),
    rr: undefined,
  };

  it('round-trips typed arrays (any alignment) and JSON fields', () => {
    const dir = tempDir();
    const files = writeDataset(path.join(dir, 'beats'), ds);
    assert.deepEqual(files, { bin: path.join(dir, 'beats.bin'), json: path.join(dir, 'beats.json') });
    const back = readDataset<typeof ds>(path.join(dir, 'beats.json'));
    assert.deepEqual(back.x, ds.x);
    assert.deepEqual(back.y, ds.y);
    assert.deepEqual(back.sample, ds.sample);
    assert.deepEqual(back.odd, ds.odd);
    assert.deepEqual(back.record, ds.record);
    assert.deepEqual(back.classes, ds.classes);
    assert.equal(back.fsHz, 360);
    assert.ok(!('rr' in back));
    // Same content → same bytes (the hash is of the content, not of the time).
    const again = writeDataset(path.join(dir, 'again'), ds);
    assert.ok(fs.readFileSync(again.bin).equals(fs.readFileSync(files.bin)));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('detects a .bin from another write, a damaged one, and missing files', () => {
    const dir = tempDir();
    const a = writeDataset(path.join(dir, 'a'), ds);
    const b = writeDataset(path.join(dir, 'b'), { ...ds, x: Float32Array.from([9, 9, 9, 9, 9, 9]) });
    fs.copyFileSync(b.bin, a.bin);
    assert.throws(() => readDataset(path.join(dir, 'a')), /a\.bin, byte 8: content hash [0-9a-f]{8} does not match; expected hash [0-9a-f]{8} from .*a\.json/);
    const bytes = fs.readFileSync(b.bin);
    bytes[20] ^= 1;
    fs.writeFileSync(b.bin, bytes);
    assert.throws(() => readDataset(path.join(dir, 'b')), /b\.bin, byte 8: content hash/);
    assert.throws(() => readDataset(path.join(dir, 'none')), /none\.json: cannot read \(ENOENT\); expected a dataset sidecar written by writeDataset/);
    fs.writeFileSync(path.join(dir, 'c.json'), '{"format":"other"}');
    assert.throws(() => readDataset(path.join(dir, 'c')), /c\.json, key format: format "other" version undefined; expected "ecg-workbench-dataset" version 1/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
