import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  AAMI_CLASSES,
  aamiClass,
  DS1,
  DS2,
  isBeat,
  listRecords,
  MITDB_RECORDS,
  PACED,
  SUBSET_RECORDS,
  type AamiClass,
} from '../../lib/io/mitdb';
import { readAnnotations } from '../../lib/io/read-annotations';
import { readRecord } from '../../lib/io/read-record';
import { dataDir, hasFullMitdb, tempDir } from '../helpers';

describe('io/mitdb', () => {
  it('lists 48 records; DS1 and DS2 are disjoint, 22 each, and leave out exactly the paced records', () => {
    assert.equal(new Set(MITDB_RECORDS).size, 48);
    assert.equal(DS1.length, 22);
    assert.equal(DS2.length, 22);
    const all = new Set([...DS1, ...DS2, ...PACED]);
    assert.equal(all.size, 48);
    assert.deepEqual([...all].sort(), [...MITDB_RECORDS].sort());
  });

  it('maps beat symbols to AAMI classes and leaves non-beats out', () => {
    const groups: Record<AamiClass, string[]> = {
      N: ['N', 'L', 'R', 'e', 'j'],
      S: ['A', 'a', 'J', 'S'],
      V: ['V', 'E'],
      F: ['F'],
      Q: ['/', 'f', 'Q'],
    };
    for (const c of AAMI_CLASSES)
      for (const s of groups[c]) {
        assert.equal(aamiClass(s), c, s);
        assert.ok(isBeat(s), s);
      }
    for (const s of ['+', '~', '|', 'x', '!', '[', ']', '"', 'toString', '']) {
      assert.equal(aamiClass(s), undefined, s);
      assert.equal(isBeat(s), false, s);
    }
  });

  it('lists records from RECORDS, else from the .hea files', () => {
    assert.deepEqual(listRecords(dataDir()).slice(0, 2), ['100', '101']);
    const dir = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'b.hea'), '');
      fs.writeFileSync(path.join(dir, 'a.hea'), '');
      fs.writeFileSync(path.join(dir, 'a.dat'), '');
      assert.deepEqual(listRecords(dir), ['a', 'b']);
      fs.writeFileSync(path.join(dir, 'RECORDS'), 'b\n\n');
      assert.deepEqual(listRecords(dir), ['b']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives 109,494 beats over all 48 records (AAMI N 90,631, S 2,781, V 7,236, F 803, Q 8,043) with every checksum OK', function () {
    // Reference totals: the MIT-BIH beat table (PhysioNet mitdb directory, "Beats" summary), mapped
    // to AAMI EC57 classes as in de Chazal et al. (2004), table I.
    if (!hasFullMitdb()) this.skip();
    const aami: Record<string, number> = {};
    let beats = 0;
    for (const name of MITDB_RECORDS) {
      const rec = path.join(dataDir(), name);
      for (const s of readRecord(rec, { verify: true }).signals) assert.equal(s.checksumOk, true, `${name} ${s.name}`);
      for (const s of readAnnotations(rec).symbols) {
        const c = aamiClass(s);
        if (c) aami[c] = (aami[c] ?? 0) + 1;
        if (isBeat(s)) beats++;
      }
    }
    assert.equal(beats, 109494);
    assert.deepEqual(aami, { N: 90631, S: 2781, V: 7236, F: 803, Q: 8043 });
  });
});

describe('io/mitdb SUBSET_RECORDS', () => {
  it('lists exactly the records shipped in data/mitdb', () => {
    const shipped = fs
      .readFileSync(path.join(__dirname, '..', '..', 'data', 'mitdb', 'RECORDS'), 'utf8')
      .trim()
      .split(/\s+/);
    assert.deepEqual([...SUBSET_RECORDS].sort(), shipped.sort());
  });

  it('holds training (DS1) and test (DS2) records for the quick inter-patient run', () => {
    assert.ok(SUBSET_RECORDS.filter((r) => DS1.includes(r)).length >= 4);
    assert.ok(SUBSET_RECORDS.filter((r) => DS2.includes(r)).length >= 4);
    assert.ok(SUBSET_RECORDS.some((r) => PACED.includes(r)));
  });
});
