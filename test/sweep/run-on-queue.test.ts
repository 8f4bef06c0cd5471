import { strict as assert } from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Queue } from 'bullmq';
import { redisOptions, runSweep, type SearchSpace, type SweepResult } from '../../lib/sweep';
import { dataDir, tempDir } from '../helpers';
import { startRedis, type TestRedis } from '../support/redis-server';

const ECG = path.join(__dirname, '..', '..', 'bin', 'ecg.js');

/** An `ecg worker` process with its stderr kept (it logs each trial it takes). */
interface WorkerProc {
  child: ChildProcess;
  log: string[];
  exited: Promise<void>;
}

function startWorker(url: string, queueName: string): WorkerProc {
  const child = spawn(
    process.execPath,
    [ECG, 'worker', '--queue', url, '--queue-name', queueName, '--lock-seconds', '2'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const log: string[] = [];
  child.stderr!.on('data', (d) => log.push(...d.toString().split('\n').filter(Boolean)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return { child, log, exited };
}

async function until(what: string, ok: () => boolean, ms = 60000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const doneCounts = (logDir: string) =>
  fs.readdirSync(logDir).map((f) => fs.readFileSync(path.join(logDir, f), 'utf8').match(/^done/gm)?.length ?? 0);

const figures = (r: SweepResult) =>
  r.trials.map((t) => ({ id: t.id, params: t.params, status: t.status, metrics: t.metrics }));

describe('sweep on a BullMQ queue (a real redis-server on 127.0.0.1)', function () {
  // Real trials in child processes on a shared 2-core machine.
  this.timeout(600000);
  let redis: TestRedis | undefined;
  const workers: WorkerProc[] = [];
  const scratch: string[] = [];
  const temp = (p: string) => {
    const d = tempDir(p);
    scratch.push(d);
    return d;
  };

  before(async function () {
    redis = await startRedis(this);
  });

  afterEach(async () => {
    for (const w of workers.splice(0)) {
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
      await w.exited;
    }
  });

  after(async () => {
    await redis?.stop();
    for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
  });

  it('the same 4-trial training grid gives identical params and metrics embedded and on the queue with two workers', async () => {
    // Tiny trials on the shipped subset: two DS1 records to train on, one DS2 record to test.
    const base = {
      name: 'tiny',
      seed: 7,
      data: {
        dir: dataDir(),
        protocols: ['inter-patient'],
        trainRecords: ['101', '106'],
        testRecords: ['100'],
        maxTrainBeatsPerClass: 400,
        validationFraction: 0.1,
        rrFeatures: true,
      },
      model: { arch: 'cnn1d', convBlocks: [{ filters: 4, kernelSize: 5, poolSize: 4 }], dense: [8], dropout: 0.1 },
      training: { epochs: 2, batchSize: 32, earlyStoppingPatience: 0, balancing: 'none' },
    };
    const search: SearchSpace = {
      kind: 'grid',
      grid: { 'training.learningRate': [0.003, 0.01], 'model.dropout': [0, 0.2] },
    };
    const embedded = await runSweep({ base, search, workers: 2 });
    workers.push(startWorker(redis!.url, 'equal'), startWorker(redis!.url, 'equal'));
    const queued = await runSweep({ base, search, queue: { url: redis!.url, name: 'equal' } });
    assert.deepEqual(figures(queued), figures(embedded));
    assert.ok(embedded.trials.every((t) => t.status === 'ok'));
    // Trained models (N beats of record 100 recognised at learning rate 0.01), and figures that
    // differ between trials: the equality above is not that of four constant results.
    assert.ok(embedded.trials.some((t) => t.metrics['N.se'] > 0.9));
    assert.ok(new Set(embedded.trials.map((t) => t.metrics.macroF1)).size > 1);
  });

  it('one of two workers killed with SIGKILL during a trial: the sweep completes and every trial finishes once', async () => {
    const logDir = temp('ecg-queue-log-');
    const out = temp('ecg-queue-out-');
    const config = path.join(out, 'toy.json');
    fs.writeFileSync(config, JSON.stringify({ x: 0, y: 0, sleepMs: 2500, logDir }));
    const a = startWorker(redis!.url, 'kill');
    const b = startWorker(redis!.url, 'kill');
    workers.push(a, b);
    const coordinator = spawn(
      process.execPath,
      [ECG, 'sweep', '--objective', 'toy', '--config', config, '--grid', 'x=0,1', '--grid', 'y=1,2'].concat([
        '--queue',
        redis!.url,
        '--queue-name',
        'kill',
        '--out',
        path.join(out, 'sweep'),
        '--json',
      ]),
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    coordinator.stdout!.on('data', (d) => (stdout += d));
    coordinator.stderr!.on('data', (d) => (stderr += d));
    const code = new Promise<number | null>((r) => coordinator.once('exit', (c) => r(c)));
    await until('worker A to take a trial', () => a.log.some((l) => / attempt /.test(l)));
    const victim = a.log.find((l) => / attempt /.test(l))!.match(/trial ([0-9a-f]+)/)![1];
    a.child.kill('SIGKILL');
    assert.equal(await code, 0, stderr);
    const r = JSON.parse(stdout) as SweepResult;
    assert.equal(r.trials.length, 4);
    assert.ok(r.trials.every((t) => t.status === 'ok'));
    assert.deepEqual(doneCounts(logDir), [1, 1, 1, 1]);
    const retaken = r.trials.find((t) => t.id === victim)!;
    assert.equal(retaken.attempts, 2, 'the killed trial ran again');
    assert.ok(
      b.log.some((l) => l.includes(`trial ${victim} ok`)),
      'worker B finished the killed trial',
    );
    assert.match(stderr, /sweep: 4\/4 trials done .*ETA 0s/);
    assert.equal(fs.readdirSync(path.join(out, 'sweep', 'trials')).length, 4);
  });

  it('a worker sent SIGTERM during a trial finishes it, returns the result, then exits', async () => {
    const logDir = temp('ecg-queue-log-');
    const w = startWorker(redis!.url, 'term');
    workers.push(w);
    const code = new Promise<number | null>((r) => w.child.once('exit', (c) => r(c)));
    const sweeping = runSweep({
      base: { x: 1, y: 2, sleepMs: 1500, logDir },
      objective: 'toy',
      search: { kind: 'list', trials: [{}] },
      queue: { url: redis!.url, name: 'term' },
    });
    await until('the worker to take the trial', () => w.log.some((l) => / attempt /.test(l)));
    w.child.kill('SIGTERM');
    const r = await sweeping;
    assert.equal(r.trials[0].status, 'ok');
    assert.equal(r.trials[0].attempts, 1);
    assert.equal(await code, 0);
    assert.ok(w.log.some((l) => /SIGTERM: finishing the running trial/.test(l)));
  });

  it('a coordinator restarted mid-sweep re-uses the finished trials; none runs twice', async () => {
    const logDir = temp('ecg-queue-log-');
    const out = temp('ecg-queue-out-');
    const base = { x: 0, y: 0, sleepMs: 400, logDir };
    const search: SearchSpace = { kind: 'grid', grid: { x: [0, 1, 2], y: [1, 2] } };
    workers.push(startWorker(redis!.url, 'restart'));
    const controller = new AbortController();
    const watcher = setInterval(() => {
      const dir = path.join(out, 'trials');
      if (fs.existsSync(dir) && fs.readdirSync(dir).length >= 2) controller.abort();
    }, 50);
    const queue = { url: redis!.url, name: 'restart' };
    const first = await runSweep({ base, objective: 'toy', search, queue, outDir: out, signal: controller.signal });
    clearInterval(watcher);
    assert.equal(first.complete, false);
    const kept = fs.readdirSync(path.join(out, 'trials')).length;
    const second = await runSweep({ base, objective: 'toy', search, queue, outDir: out });
    assert.ok(second.complete);
    assert.equal(second.trials.filter((t) => t.reused).length, kept);
    assert.deepEqual(doneCounts(logDir), [1, 1, 1, 1, 1, 1]);
    assert.deepEqual(second.best?.params, { x: 1, y: 2 });
  });

  it('a bad parameter path is a clear error before any job is queued; a bad value at run time fails once', async () => {
    const name = 'bad';
    await assert.rejects(
      runSweep({
        base: { x: 0, y: 0, sleepMs: 0 },
        objective: 'toy',
        search: { kind: 'grid', grid: { nope: [1] } },
        queue: { url: redis!.url, name },
      }),
      /nope: unknown key/,
    );
    const q = new Queue(name, { connection: redisOptions(redis!.url) });
    const counts = await q.getJobCounts();
    await q.close();
    assert.ok(
      Object.values(counts).every((n) => n === 0),
      JSON.stringify(counts),
    );
    const logDir = temp('ecg-queue-log-');
    workers.push(startWorker(redis!.url, name));
    const r = await runSweep({
      base: { x: 0, y: 0, sleepMs: 0, logDir },
      objective: 'toy',
      search: { kind: 'list', trials: [{ x: 1 }, { fail: true }] },
      queue: { url: redis!.url, name },
      retries: 3,
    });
    assert.equal(r.trials[0].status, 'ok');
    assert.equal(r.trials[1].status, 'failed');
    assert.match(r.trials[1].error!, /fail is true/);
    assert.equal(r.trials[1].attempts, 1);
  });

  it('an unreachable Redis is an error naming the URL', async () => {
    await assert.rejects(
      runSweep({
        base: { x: 0, y: 0, sleepMs: 0 },
        objective: 'toy',
        search: { kind: 'list', trials: [{}] },
        queue: { url: 'redis://127.0.0.1:1' },
      }),
      /redis:\/\/127\.0\.0\.1:1: cannot reach Redis \(ECONNREFUSED\)/,
    );
  });
});
