import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SUBSET_RECORDS, DS1, DS2, PACED } from '../../lib/io';

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
