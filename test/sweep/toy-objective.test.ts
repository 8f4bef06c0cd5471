import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../../lib/common';
import { resolveToyConfig, runToyTrial } from '../../lib/sweep';
import { tempDir } from '../helpers';

const inputError = (message: string) => (e: unknown) => e instanceof EcgInputError && e.message === message;

describe('sweep/toyObjective', () => {
  it('scores −(x − 1)² − (y − 2)², best (0) at x = 1, y = 2', async () => {
    const score = async (x: number, y: number) => (await runToyTrial({ x, y, sleepMs: 0 }, 't')).score;
    // -0 at the optimum (−0² − 0²), which JSON writes as 0.
    assert.ok((await score(1, 2)) === 0);
    assert.equal(await score(0, 0), -5);
    assert.equal(await score(3, 2.5), -4.25);
  });

  it('accepts the five known keys and names an unknown, mistyped or missing one', () => {
    const full = { x: 1, y: 2, sleepMs: 0, fail: false, logDir: '/tmp' };
    assert.deepEqual(resolveToyConfig(full), full);
    assert.throws(() => resolveToyConfig(null), inputError('not an object; expected { x, y, sleepMs }'));
    assert.throws(
      () => resolveToyConfig({ x: 1, y: 2, sleepMs: 0, z: 3 }),
      inputError('z: unknown key; expected x, y, sleepMs, fail, logDir'),
    );
    assert.throws(() => resolveToyConfig({ x: '1', y: 2, sleepMs: 0 }), inputError('x: "1"; expected a number'));
    assert.throws(
      () => resolveToyConfig({ x: 1, y: 2, sleepMs: 0, fail: 1 }),
      inputError('fail: 1; expected a boolean'),
    );
    assert.throws(() => resolveToyConfig({ x: 1, sleepMs: 0 }), inputError('y: missing; expected a number'));
  });

  it('with fail set throws a bad-input error, as a bad parameter would', async () => {
    await assert.rejects(
      runToyTrial({ x: 1, y: 2, sleepMs: 0, fail: true }, 't'),
      inputError('toy objective, fail: fail is true; expected fail false'),
    );
  });

  it('logs the start and end of each run of a trial, by trial id and process', async () => {
    const dir = tempDir('ecg-toy-log-');
    await runToyTrial({ x: 1, y: 2, sleepMs: 0, logDir: dir }, 'abc');
    await runToyTrial({ x: 1, y: 2, sleepMs: 0, logDir: dir }, 'abc');
    await runToyTrial({ x: 1, y: 2, sleepMs: 0, fail: true, logDir: dir }, 'bad').catch(() => undefined);
    const read = (id: string) => fs.readFileSync(path.join(dir, `${id}.log`), 'utf8');
    const me = process.pid;
    assert.equal(read('abc'), `start ${me}\ndone ${me}\nstart ${me}\ndone ${me}\n`);
    assert.equal(read('bad'), `start ${me}\n`, 'a failed run starts but is not done');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
