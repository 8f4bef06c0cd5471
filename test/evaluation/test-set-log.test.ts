import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { appendTestSetUse, configHash, readTestSetLog } from '../../lib/evaluation';
import { tempDir } from '../helpers';

describe('evaluation/test-set log', () => {
  const use = (source: string) => ({
    time: '2026-01-01T00:00:00.000Z',
    configHash: configHash({ seed: 1 }),
    source,
    protocol: 'inter-patient',
    testRecords: ['100', '103'],
  });
  it('grows by one line per use and reads back what was written', () => {
    const file = path.join(tempDir(), 'results', 'test-set-log.jsonl');
    assert.deepEqual(readTestSetLog(file), []);
    appendTestSetUse(file, use('a'));
    appendTestSetUse(file, use('b'));
    assert.equal(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length, 2);
    assert.deepEqual(readTestSetLog(file), [use('a'), use('b')]);
  });
  it('hashes configs independently of key order and differently for different values', () => {
    assert.equal(configHash({ a: 1, b: { c: [1, 2], d: 'x' } }), configHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    assert.notEqual(configHash({ a: 1 }), configHash({ a: 2 }));
    assert.match(configHash({}), /^[0-9a-f]{16}$/);
  });
  it('names the file and line of a damaged log line', () => {
    const file = path.join(tempDir(), 'log.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(use('a'))}\n{"time": 3}\n`);
    assert.throws(() => readTestSetLog(file), /log\.jsonl, line 2: line is not a test-set use/);
  });
});
