import { Worker } from 'worker_threads';

/** Thrown by {@link WorkerPool.run} when every worker is busy and the queue is full. */
export class QueueFullError extends Error {
  constructor(readonly queued: number) {
    super(`all workers are busy and ${queued} request(s) are waiting`);
    this.name = 'QueueFullError';
  }
}

/** Thrown by {@link WorkerPool.run} for a job that ran past the pool's time limit (its worker is replaced). */
export class JobTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`the prediction took longer than ${Math.round(ms / 1000)} s`);
    this.name = 'JobTimeoutError';
  }
}

/** Options of {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /** Worker threads (each holds its own copy of whatever it loads). */
  size: number;
  /** Jobs that may wait for a free worker; one more is refused with QueueFullError. */
  maxQueue: number;
  /** A job running longer than this has its worker terminated and replaced. */
  jobTimeoutMs: number;
  /** Starts one worker; it must post `{ ready: true, info }` once it can take jobs, or `{ ready: false, error }`. */
  spawn: () => Worker;
}

interface Job<R> {
  message: unknown;
  resolve: (r: R) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Job<unknown>;
  timer?: NodeJS.Timeout;
}

/**
 * A fixed pool of worker threads with a bounded FIFO queue: `run(message)` resolves with the
 * worker's reply. Work beyond `size + maxQueue` is refused at once (QueueFullError) rather than
 * piling up, and a worker that crashes or overruns is replaced, so one bad job cannot stall the rest.
 *
 * @example const pool = new WorkerPool({ size: 2, maxQueue: 8, jobTimeoutMs: 60000, spawn }); const info = await pool.start(); await pool.run({ n: 1 })
 */
export class WorkerPool<R = unknown> {
  private slots: Slot[] = [];
  private queue: Job<unknown>[] = [];
  private closed = false;
  private stats = { done: 0, failed: 0, timedOut: 0, refused: 0, respawned: 0 };

  constructor(private readonly options: WorkerPoolOptions) {}

  /**
   * Starts every worker; resolves with the first worker's `info` once all are ready, or rejects
   * with the first start-up error (the pool is then closed).
   */
  async start(): Promise<unknown> {
    const infos = await Promise.all(Array.from({ length: this.options.size }, () => this.startSlot())).catch(
      async (e) => {
        await this.close();
        throw e;
      },
    );
    return infos[0];
  }

  private startSlot(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const worker = this.options.spawn();
      const slot: Slot = { worker };
      const onStart = (m: { ready?: boolean; info?: unknown; error?: string }) => {
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (!m || m.ready !== true) {
          void worker.terminate();
          reject(Object.assign(new Error(m?.error ?? 'worker failed to start'), { startup: true }));
          return;
        }
        this.slots.push(slot);
        worker.on('message', (r) => this.finish(slot, r));
        worker.on('error', (e) => this.lose(slot, e));
        worker.on('exit', (code) => this.lose(slot, new Error(`worker exited with code ${code}`)));
        this.next(slot);
        resolve(m.info);
      };
      const onError = (e: Error) => reject(e);
      const onExit = (code: number) => reject(new Error(`worker exited with code ${code} while starting`));
      worker.once('message', onStart);
      worker.once('error', onError);
      worker.once('exit', onExit);
    });
  }

  /** Jobs running and waiting, and counters since start (for /healthz and benchmarks). */
  status(): { workers: number; busy: number; queued: number; maxQueue: number } & WorkerPool['stats'] {
    return {
      workers: this.slots.length,
      busy: this.slots.filter((s) => s.job).length,
      queued: this.queue.length,
      maxQueue: this.options.maxQueue,
      ...this.stats,
    };
  }

  /**
   * Runs one job on the next free worker.
   *
   * @throws QueueFullError when size + maxQueue jobs are already in, JobTimeoutError past the limit
   */
  run(message: unknown): Promise<R> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    const free = this.slots.find((s) => !s.job);
    if (!free && this.queue.length >= this.options.maxQueue) {
      this.stats.refused++;
      return Promise.reject(new QueueFullError(this.queue.length));
    }
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ message, resolve: resolve as (r: unknown) => void, reject });
      if (free) this.next(free);
    });
  }

  private next(slot: Slot): void {
    if (slot.job || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    slot.job = job;
    slot.timer = setTimeout(() => {
      this.stats.timedOut++;
      this.lose(slot, new JobTimeoutError(this.options.jobTimeoutMs));
    }, this.options.jobTimeoutMs);
    slot.worker.postMessage(job.message);
  }

  private finish(slot: Slot, reply: unknown): void {
    const job = slot.job;
    if (!job) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    this.stats.done++;
    job.resolve(reply);
    this.next(slot);
  }

  // A worker that crashed, exited or overran: fail its job, replace it, and carry on with the queue.
  private lose(slot: Slot, error: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    clearTimeout(slot.timer);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {});
    void slot.worker.terminate();
    if (slot.job) {
      this.stats.failed++;
      slot.job.reject(error);
    }
    if (this.closed) return;
    this.stats.respawned++;
    this.startSlot().catch(() => {
      // A worker that started once and now cannot: the remaining ones keep serving; with none
      // left, queued jobs would wait for ever, so they are failed.
      if (this.slots.length === 0) for (const j of this.queue.splice(0)) j.reject(error);
    });
  }

  /** Lets running jobs finish (up to `graceMs`), fails queued ones, then stops every worker. */
  async close(graceMs = 0): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new Error('the server is shutting down'));
    const deadline = Date.now() + graceMs;
    while (this.slots.some((s) => s.job) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map((s) => {
        clearTimeout(s.timer);
        s.worker.removeAllListeners();
        s.job?.reject(new Error('the server is shutting down'));
        return s.worker.terminate();
      }),
    );
  }
}
