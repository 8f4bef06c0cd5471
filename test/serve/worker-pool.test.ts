import { strict as assert } from 'assert';
import { Worker } from 'worker_threads';
import { JobTimeoutError, QueueFullError, WorkerPool } from '../../lib/serve';

// A plain-JS worker: replies n² after `ms` of busy waiting; n < 0 kills the thread.
const SOURCE = `
const { parentPort } = require('worker_threads');
parentPort.on('message', ({ n, ms }) => {
  if (n < 0) process.exit(3);
  const end = Date.now() + (ms || 0);
  while (Date.now() < end);
  parentPort.postMessage(n * n);
});
parentPort.postMessage({ ready: true, info: { threadOk: true } });
`;
const spawn = () => new Worker(SOURCE, { eval: true });

describe('serve/WorkerPool: worker threads behind a bounded queue', () => {
  it('runs jobs on every worker and answers each with its own result', async () => {
    const pool = new WorkerPool<number>({ size: 2, maxQueue: 10, jobTimeoutMs: 10_000, spawn });
    assert.deepEqual(await pool.start(), { threadOk: true });
    const out = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run({ n, ms: 5 })));
    assert.deepEqual(out, [1, 4, 9, 16, 25]);
    assert.equal(pool.status().done, 5);
    await pool.close();
  });

  it('refuses a job beyond size + maxQueue with QueueFullError, and takes jobs again once drained', async () => {
    const pool = new WorkerPool<number>({ size: 1, maxQueue: 2, jobTimeoutMs: 10_000, spawn });
    await pool.start();
    const accepted = [pool.run({ n: 1, ms: 100 }), pool.run({ n: 2 }), pool.run({ n: 3 })];
    await assert.rejects(pool.run({ n: 4 }), QueueFullError);
    assert.deepEqual(await Promise.all(accepted), [1, 4, 9]);
    assert.equal(await pool.run({ n: 5 }), 25);
    assert.equal(pool.status().refused, 1);
    await pool.close();
  });

  it('replaces a worker that dies or overruns, failing only its own job', async () => {
    const pool = new WorkerPool<number>({ size: 1, maxQueue: 5, jobTimeoutMs: 300, spawn });
    await pool.start();
    const dying = pool.run({ n: -1 });
    const after = pool.run({ n: 6 });
    await assert.rejects(dying, /exited with code 3/);
    assert.equal(await after, 36);
    await assert.rejects(pool.run({ n: 2, ms: 2000 }), JobTimeoutError);
    assert.equal(await pool.run({ n: 7 }), 49);
    const st = pool.status();
    assert.equal(st.respawned, 2);
    assert.equal(st.timedOut, 1);
    assert.equal(st.workers, 1);
    await pool.close();
  });

  it('reports a worker that cannot start, and close() fails queued jobs', async () => {
    const broken = new WorkerPool({
      size: 1,
      maxQueue: 1,
      jobTimeoutMs: 1000,
      spawn: () =>
        new Worker(`require('worker_threads').parentPort.postMessage({ ready: false, error: 'no model' })`, {
          eval: true,
        }),
    });
    await assert.rejects(broken.start(), /no model/);
    const pool = new WorkerPool<number>({ size: 1, maxQueue: 3, jobTimeoutMs: 10_000, spawn });
    await pool.start();
    const running = pool.run({ n: 2, ms: 200 });
    const queued = pool.run({ n: 3 });
    const closing = pool.close(1000);
    await assert.rejects(queued, /shutting down/);
    assert.equal(await running, 4, 'the running job finishes within the grace period');
    await closing;
    await assert.rejects(pool.run({ n: 1 }), /closed/);
  });
});
