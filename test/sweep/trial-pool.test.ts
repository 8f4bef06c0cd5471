import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createTrialPool, makeTrialSpec, type TrialPool } from '../../lib/sweep';
import { tempDir } from '../helpers';

const toy = (config: Record<string, unknown>) => makeTrialSpec(0, {}, 'toy', config, 0);
const pidOf = (worker: string) => Number(worker.split(':').pop());

describe('sweep/trialPool', function () {
  this.timeout(120000);
  let pool: TrialPool;
  let logDir = '';
  before(() => {
    pool = createTrialPool(2);
    logDir = tempDir('ecg-pool-log-');
  });
  after(async () => {
    await pool.close();
    fs.rmSync(logDir, { recursive: true, force: true });
  });

  it('runs two trials at once, each in its own child process, with the toy objective’s figures', async () => {
    const [a, b] = await Promise.all([
      pool.run(toy({ x: 0, y: 0, sleepMs: 300 })),
      pool.run(toy({ x: 3, y: 2, sleepMs: 300 })),
    ]);
    assert.deepEqual([a.status, b.status], ['ok', 'ok']);
    assert.deepEqual([a.metrics, b.metrics], [{ score: -5 }, { score: -4 }]);
    assert.match(a.worker, new RegExp(`^${os.hostname()}:\\d+$`));
    assert.notEqual(a.worker, b.worker);
    assert.ok(![a.worker, b.worker].includes(`${os.hostname()}:${process.pid}`), 'not in this process');
  });

  it('reports a trial that fails on bad input as failed, with its error, not to be retried', async () => {
    const o = await pool.run(toy({ x: 0, y: 0, sleepMs: 0, fail: true }));
    assert.equal(o.status, 'failed');
    assert.equal(o.inputError, true);
    assert.equal(o.error, 'toy objective, fail: fail is true; expected fail false');
  });

  it('a child killed during a trial fails that trial only, and a new child takes the next one', async () => {
    const spec = toy({ x: 0, y: 0, sleepMs: 30000, logDir });
    const running = pool.run(spec);
    // The toy objective logs 'start <pid>' as it begins.
    const log = path.join(logDir, `${spec.id}.log`);
    const deadline = Date.now() + 60000;
    while (!fs.existsSync(log) || !/^start \d+/.test(fs.readFileSync(log, 'utf8'))) {
      if (Date.now() > deadline) throw new Error('the trial never started');
      await new Promise((r) => setTimeout(r, 20));
    }
    const pid = Number(/^start (\d+)/.exec(fs.readFileSync(log, 'utf8'))![1]);
    process.kill(pid, 'SIGKILL');
    const o = await running;
    assert.equal(o.status, 'failed');
    assert.equal(o.error, `trial process ${os.hostname()}:${pid} exited (SIGKILL) during the trial`);
    assert.equal(pidOf(o.worker), pid);
    const after = await Promise.all([
      pool.run(toy({ x: 1, y: 2, sleepMs: 200 })),
      pool.run(toy({ x: 1, y: 2, sleepMs: 200 })),
    ]);
    assert.deepEqual(
      after.map((a) => a.status),
      ['ok', 'ok'],
    );
    assert.ok(after.every((a) => pidOf(a.worker) !== pid));
  });

  it('with one child, trials wait their turn; a closed pool refuses new trials', async () => {
    const one = createTrialPool(1);
    try {
      assert.equal(one.size, 1);
      const runs = await Promise.all([0, 2, 3].map((x) => one.run(toy({ x, y: 2, sleepMs: 0 }))));
      assert.deepEqual(
        runs.map((r) => r.metrics),
        [{ score: -1 }, { score: -1 }, { score: -4 }],
      );
      assert.equal(new Set(runs.map((r) => r.worker)).size, 1);
    } finally {
      await one.close();
    }
    await assert.rejects(one.run(toy({ x: 0, y: 0, sleepMs: 0 })), /trial pool is closed/);
  });
});
