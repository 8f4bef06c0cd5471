import { strict as assert } from 'assert';
import { Queue, QueueEvents } from 'bullmq';
import { EcgInputError } from '../../lib/common';
import {
  makeTrialSpec,
  redisOptions,
  runWorker,
  type RunningWorker,
  type TrialJobData,
  type TrialOutcome,
} from '../../lib/sweep';
import { startRedis, type TestRedis } from '../support/redis-server';

// runWorker in this process against a real redis-server on 127.0.0.1; jobs are put on the queue
// by hand, as queueExecutor (test/sweep/run-on-queue.test.ts) does.
describe('sweep/runWorker (a real redis-server on 127.0.0.1)', function () {
  this.timeout(120000);
  const NAME = 'worker-test';
  let redis: TestRedis | undefined;
  let worker: RunningWorker | undefined;
  let queue: Queue<TrialJobData>;
  let events: QueueEvents;
  const log: string[] = [];

  before(async function () {
    redis = await startRedis(this);
    queue = new Queue<TrialJobData>(NAME, { connection: redisOptions(redis.url) });
    events = new QueueEvents(NAME, { connection: redisOptions(redis.url) });
    await events.waitUntilReady();
    worker = await runWorker({ url: redis.url, name: NAME, log: (l) => log.push(l) });
  });
  after(async () => {
    await worker?.close(true);
    await events?.close();
    await queue?.close();
    await redis?.stop();
  });

  const add = (config: Record<string, unknown>, attempts = 1) => {
    const spec = makeTrialSpec(0, {}, 'toy', config, 0);
    return queue.add('trial', { spec }, { jobId: spec.id, attempts, backoff: { type: 'fixed', delay: 0 } });
  };

  it('says which queue it serves, takes a trial job and returns its figures through the queue', async () => {
    assert.ok(
      log.some((l) => l.endsWith(`serving queue ${NAME} at ${redis!.url} (concurrency 1)`)),
      log.join('\n'),
    );
    const job = await add({ x: 3, y: 2, sleepMs: 0 });
    const outcome = (await job.waitUntilFinished(events)) as TrialOutcome;
    assert.equal(outcome.status, 'ok');
    assert.deepEqual(outcome.metrics, { score: -4 });
    assert.ok(log.some((l) => l.includes(`trial ${job.id} ok`)));
  });

  it('fails a trial on bad input at once, but retries one that failed otherwise', async () => {
    const bad = await add({ x: 0, y: 0, sleepMs: 0, fail: true }, 3);
    await assert.rejects(bad.waitUntilFinished(events), /fail is true/);
    assert.equal((await queue.getJob(bad.id!))!.attemptsMade, 1);
    // Writing the toy log into a missing folder is an ordinary error (ENOENT), not bad input.
    const flaky = await add({ x: 0, y: 0, sleepMs: 0, logDir: '/nonexistent/ecg-logs' }, 2);
    await assert.rejects(flaky.waitUntilFinished(events), /ENOENT/);
    assert.equal((await queue.getJob(flaky.id!))!.attemptsMade, 2);
  });

  it('once closed takes no more trials, and its closed promise resolves', async () => {
    await worker!.close();
    await worker!.closed;
    const job = await add({ x: 1, y: 1, sleepMs: 0 });
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await job.getState(), 'waiting');
  });

  it('an unreachable Redis is an error naming the URL', async () => {
    await assert.rejects(
      runWorker({ url: 'redis://127.0.0.1:1', log: () => {} }),
      (e: unknown) => e instanceof EcgInputError && /^redis:\/\/127\.0\.0\.1:1: cannot reach Redis/.test(e.message),
    );
  });
});
