import { strict as assert } from 'assert';
import { fork, type ChildProcess } from 'child_process';
import * as path from 'path';
import { makeTrialSpec } from '../../lib/sweep';
import type { ResultMessage, RunMessage } from '../../lib/sweep/trial-process';

const ENTRY = path.join(__dirname, '..', '..', 'lib', 'sweep', 'trial-process.ts');
const toy = (index: number, config: Record<string, unknown>) => makeTrialSpec(index, {}, 'toy', config, 0);

describe('sweep/trialProcess', () => {
  let child: ChildProcess;
  let exited: Promise<number | null>;
  const replies: ResultMessage[] = [];
  before(() => {
    child = fork(ENTRY, [], {
      execArgv: ['--require', require.resolve('tsx/cjs')],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.on('message', (m: ResultMessage) => replies.push(m));
    exited = new Promise((r) => child.once('exit', (code) => r(code)));
  });
  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  const next = async (n: number): Promise<ResultMessage[]> => {
    const deadline = Date.now() + 60000;
    while (replies.length < n) {
      if (Date.now() > deadline) throw new Error(`${replies.length} of ${n} replies`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return replies.splice(0, n);
  };

  it('runs the trials it is sent one after another and replies with each one’s figures', async () => {
    const a = toy(0, { x: 0, y: 0, sleepMs: 300 });
    const b = toy(1, { x: 1, y: 1, sleepMs: 0 });
    child.send({ type: 'run', spec: a } satisfies RunMessage);
    child.send({ type: 'run', spec: b } satisfies RunMessage);
    const [ra, rb] = await next(2);
    // The slow trial answers first: one trial at a time, in the order sent. A toy trial starts no
    // engine, so it names none.
    assert.deepEqual({ ...ra, seconds: 0 }, { type: 'result', id: a.id, metrics: { score: -5 }, seconds: 0 });
    assert.deepEqual({ ...rb, seconds: 0 }, { type: 'result', id: b.id, metrics: { score: -1 }, seconds: 0 });
    assert.ok(ra.seconds >= 0.25, `${ra.seconds} s for a 300 ms trial`);
  });

  it('replies with the error of a failed trial, marked as bad input when it is', async () => {
    const bad = toy(2, { x: 0, y: 0, sleepMs: 0, fail: true });
    const unknown = toy(3, { x: 0, y: 0, sleepMs: 0, z: 1 });
    child.send({ type: 'run', spec: bad } satisfies RunMessage);
    child.send({ type: 'run', spec: unknown } satisfies RunMessage);
    const [rb, ru] = await next(2);
    assert.equal(rb.type, 'error');
    assert.deepEqual(rb.type === 'error' && { id: rb.id, message: rb.message, inputError: rb.inputError }, {
      id: bad.id,
      message: 'toy objective, fail: fail is true; expected fail false',
      inputError: true,
    });
    assert.equal(ru.type === 'error' && ru.message, 'z: unknown key; expected x, y, sleepMs, fail, logDir');
  });

  it('ignores other messages, and exits when its parent goes away', async () => {
    child.send({ type: 'hello' });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(replies.length, 0);
    child.disconnect();
    assert.equal(await exited, 0);
  });
});
