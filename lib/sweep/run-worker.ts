import * as os from 'os';
import { UnrecoverableError, Worker } from 'bullmq';
import { checkRedis, redisOptions } from './redis-connection';
import { DEFAULT_QUEUE, type TrialJobData } from './run-on-queue';
import { createTrialPool, type TrialOutcome } from './trial-pool';

/** Options of {@link runWorker}. */
export interface WorkerOptions {
  /** redis://HOST:PORT[/DB] */
  url: string;
  name?: string;
  /** Trials run at once, each in its own process (default 1). */
  concurrency?: number;
  /**
   * How long a trial's lock lasts without renewal (default 30 s): a worker that vanishes (SIGKILL,
   * machine lost) gives its trial back after this, and another worker runs it.
   */
  lockMs?: number;
  /** How often a trial may be given back so (default 2), before it counts as failed. */
  maxStalledCount?: number;
  log?: (line: string) => void;
}

/** A running worker. */
export interface RunningWorker {
  /** Stops taking trials; with `force`, abandons the running ones (they go back to the queue). */
  close(force?: boolean): Promise<void>;
  /** Resolves when the worker has stopped. */
  closed: Promise<void>;
}

/**
 * Serves a sweep's queue: takes trial jobs, runs each in a trial process (so this process keeps
 * renewing the job's lock while tfjs trains), returns the figures through the queue. A trial that
 * fails on bad input is failed at once (UnrecoverableError), other errors are retried by the queue.
 *
 * @example const w = await runWorker({ url: 'redis://10.0.0.5:6379' }); process.on('SIGTERM', () => w.close());
 * @throws EcgInputError naming the URL when Redis cannot be reached
 */
export async function runWorker(options: WorkerOptions): Promise<RunningWorker> {
  await checkRedis(options.url);
  const log = options.log ?? ((s: string) => console.error(s));
  const concurrency = options.concurrency ?? 1;
  const pool = createTrialPool(concurrency);
  const me = `${os.hostname()}:${process.pid}`;
  const lockMs = options.lockMs ?? 30000;
  const worker = new Worker<TrialJobData, TrialOutcome>(
    options.name ?? DEFAULT_QUEUE,
    async (job) => {
      const spec = job.data.spec;
      log(
        `worker ${me}: trial ${spec.id} (#${spec.index}) ${JSON.stringify(spec.params)} attempt ${job.attemptsStarted}`,
      );
      const o = await pool.run(spec);
      log(`worker ${me}: trial ${spec.id} ${o.status}${o.error ? ` (${o.error})` : ''} in ${o.seconds.toFixed(1)} s`);
      if (o.status === 'ok') return o;
      if (o.inputError) throw new UnrecoverableError(o.error);
      throw new Error(o.error);
    },
    {
      connection: redisOptions(options.url),
      concurrency,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      maxStalledCount: options.maxStalledCount ?? 2,
    },
  );
  worker.on('error', (e) => log(`worker ${me}: ${e.message}`));
  await worker.waitUntilReady();
  log(`worker ${me}: serving queue ${options.name ?? DEFAULT_QUEUE} at ${options.url} (concurrency ${concurrency})`);
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  let closing: Promise<void> | undefined;
  return {
    closed,
    close(force = false) {
      if (force) {
        // Abandon the running trials: their locks lapse and another worker takes them.
        closing = Promise.all([pool.close(), worker.close(true)]).then(() => resolveClosed());
        return closing;
      }
      closing ??= worker
        .close()
        .then(() => pool.close())
        .then(() => resolveClosed());
      return closing;
    },
  };
}
