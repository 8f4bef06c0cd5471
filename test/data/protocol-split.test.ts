import { strict as assert } from 'assert';
import { interPatientSplit, intraPatientSplit } from '../../lib/data';
import { DS1, DS2 } from '../../lib/io';

describe('data/protocol-split', () => {
  it('inter-patient: DS1 beats train, DS2 beats test, paced and unknown records in neither', () => {
    const record = ['101', '100', '102', '106', '232', 'x1', '100'];
    const s = interPatientSplit(record);
    assert.equal(s.protocol, 'inter-patient');
    assert.deepEqual(Array.from(s.train), [0, 3]);
    assert.deepEqual(Array.from(s.test), [1, 4, 6]);
    assert.deepEqual(s.trainRecords, ['101', '106']);
    assert.deepEqual(s.testRecords, ['100', '232']);
    assert.match(s.note, /de Chazal et al\. 2004/);
    assert.match(s.note, /holds 2 of 22 DS1 and 2 of 22 DS2 records/);
    assert.match(s.note, /records 102, x1 \(paced or outside DS1\/DS2\) are in neither set/);
  });

  it('inter-patient: DS1 and DS2 share no record', () => {
    const s = interPatientSplit([...DS1, ...DS2]);
    assert.equal(s.train.length, 22);
    assert.equal(s.test.length, 22);
    assert.ok(s.trainRecords.every((r) => !s.testRecords.includes(r)));
  });

  it('intra-patient: a random beat split whose note says one patient sits on both sides', () => {
    const record = Array.from({ length: 100 }, (_, i) => ['100', '101', '106'][i % 3]);
    const s = intraPatientSplit(record, { testFraction: 0.2, seed: 1 });
    assert.equal(s.protocol, 'intra-patient');
    assert.equal(s.test.length, 20);
    assert.equal(new Set([...s.train, ...s.test]).size, 100);
    assert.match(s.note, /Beats of one patient sit on both sides of the split \(3 of 3 test records also train\)/);
    assert.deepEqual(s, intraPatientSplit(record, { testFraction: 0.2, seed: 1 }));
  });
});
