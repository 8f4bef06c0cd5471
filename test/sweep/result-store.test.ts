import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../../lib/common';
import { readFinishedTrials, writeTrialResult, type TrialResult } from '../../lib/sweep';
import { tempDir } from '../helpers';

const result = (id: string, status: TrialResult['status'] = 'ok'): TrialResult => ({
  id,
  index: 0,
  params: { x: 1 },
  status,
  metrics: status === 'ok' ? { score: -1 } : {},
  seconds: 0.5,
  attempts: 1,
  worker: 'host:1',
  config: { x: 1, y: 2, sleepMs: 0 },
});

describe('sweep/resultStore', () => {
  let dir = '';
  beforeEach(() => (dir = tempDir('ecg-results-')));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('an output folder without trials holds no finished trial', () => {
    assert.equal(readFinishedTrials(dir).size, 0);
    assert.equal(readFinishedTrials(path.join(dir, 'not-yet')).size, 0);
  });

  it('writes DIR/trials/<id>.json and reads it back, without the reused flag', () => {
    writeTrialResult(dir, { ...result('00aa'), reused: true });
    assert.deepEqual(fs.readdirSync(path.join(dir, 'trials')), ['00aa.json']);
    const back = readFinishedTrials(dir);
    assert.deepEqual([...back.keys()], ['00aa']);
    assert.deepEqual(back.get('00aa'), result('00aa'));
  });

  it('leaves out failed trials (to run them again), files named for another id and other files', () => {
    writeTrialResult(dir, result('01'));
    writeTrialResult(dir, result('02', 'failed'));
    fs.writeFileSync(path.join(dir, 'trials', '03.json'), JSON.stringify(result('04')));
    fs.writeFileSync(path.join(dir, 'trials', 'notes.json'), '{');
    fs.writeFileSync(path.join(dir, 'trials', '05.json.tmp'), '{');
    assert.deepEqual([...readFinishedTrials(dir).keys()], ['01']);
  });

  it('names a trial file that is not valid JSON and says how to recover', () => {
    fs.mkdirSync(path.join(dir, 'trials'));
    const file = path.join(dir, 'trials', 'ab.json');
    fs.writeFileSync(file, '{"id": "ab",');
    assert.throws(
      () => readFinishedTrials(dir),
      (e: unknown) =>
        e instanceof EcgInputError &&
        e.message.startsWith(`${file}: is not valid JSON (`) &&
        e.message.endsWith('; expected a trial result; delete it to run the trial again'),
    );
  });
});
