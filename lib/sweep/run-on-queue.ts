import { Job, Queue, QueueEvents } from 'bullmq';
import { checkRedis, redisOptions } from './redis-connection';
import type { QueueTarget, TrialExecutor } from './run-sweep';
import type { TrialOutcome } from './trial-pool';
import type { TrialSpec } from './trial-spec';

/** The BullMQ queue `ecg sweep --queue` and `ecg worker` share unless told otherwise. */
export const DEFAULT_QUEUE = 'ecg-sweep';

/** What a job carries: the trial. */
export interface TrialJobData {
  spec: TrialSpec;
}

const WEEK = 7 * 24 * 3600;

/**
 * The queue executor: each trial becomes a BullMQ job whose id is the trial id (a trial already
 * finished on the queue — by a coordinator that was stopped — is not run again), `retries` + 1
 * attempts for errors other than bad input; waits for every job's result.
 *
 * @example await runSweep({ ..., queue: { url: 'redis://10.0.0.5:6379' } }) // uses queueExecutor
 * @throws EcgInputError naming the URL when Redis cannot be reached
 */
export function queueExecutor(target: QueueTarget, retries: number): TrialExecutor {
  return async (specs, report, signal) => {
    await checkRedis(target.url);
    const connection = redisOptions(target.url);
    const name = target.name ?? DEFAULT_QUEUE;
    const queue = new Queue<TrialJobData>(name, { connection });
    const events = new QueueEvents(name, { connection });
    // Every waiting trial listens on the one QueueEvents: a sweep of hundreds is not a leak.
    events.setMaxListeners(specs.length * 2 + 10);
    queue.setMaxListeners(specs.length * 2 + 10);
    try {
      await events.waitUntilReady();
      // A job of the same trial that failed before (say, a record missing on a worker since fixed)
      // is run again; a completed one is reused.
      for (const s of specs) {
        const old = await queue.getJob(s.id);
        if (old && (await old.isFailed())) await old.remove();
      }
      const jobs = await queue.addBulk(
        specs.map((spec) => ({
          name: 'trial',
          data: { spec },
          opts: {
            jobId: spec.id,
            attempts: retries + 1,
            backoff: { type: 'fixed', delay: 1000 },
            removeOnComplete: { age: WEEK },
            removeOnFail: { age: WEEK },
          },
        })),
      );
      const stopped = new Promise<void>((resolve) => {
        if (signal?.aborted) resolve();
        signal?.addEventListener('abort', () => resolve());
      });
      await Promise.race([
        stopped,
        Promise.all(
          jobs.map(async (job, i) => {
            const spec = specs[i];
            let outcome: TrialOutcome;
            try {
              outcome = (await job.waitUntilFinished(events)) as TrialOutcome;
            } catch (e) {
              outcome = { status: 'failed', error: (e as Error).message, seconds: 0, worker: 'queue' };
            }
            if (signal?.aborted) return;
            const done = await Job.fromId<TrialJobData, TrialOutcome>(queue, spec.id);
            if (outcome.status === 'failed' && done?.failedReason) outcome.error = done.failedReason;
            report(spec, outcome, done?.attemptsStarted || 1);
          }),
        ),
      ]);
    } finally {
      await events.close();
      await queue.close();
    }
  };
}
