import { fork, type ChildProcess } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import type { ResultMessage } from './trial-process';
import type { TrialMetrics } from './trial-runner';
import type { TrialSpec } from './trial-spec';

/** How one run of a trial ended. */
export interface TrialOutcome {
  status: 'ok' | 'failed';
  metrics?: TrialMetrics;
  error?: string;
  /** The trial failed on bad input (a bad parameter): running it again cannot help. */
  inputError?: boolean;
  seconds: number;
  /** host:pid of the process that ran it. */
  worker: string;
  engine?: string;
}

/** Child processes that run trials, one trial per child at a time. */
export interface TrialPool {
  readonly size: number;
  /** Runs a trial in the next free child; a child that dies mid-trial gives a failed outcome. */
  run(spec: TrialSpec): Promise<TrialOutcome>;
  /** Stops the children (a running trial is abandoned). */
  close(): Promise<void>;
}

interface Slot {
  child: ChildProcess;
  busy: boolean;
  settle?: (o: TrialOutcome) => void;
  started: number;
}

function startChild(): ChildProcess {
  const ext = path.extname(__filename);
  const entry = path.join(__dirname, `trial-process${ext}`);
  // From the TypeScript sources (ecg CLI, tests) the child needs tsx's loader; compiled, it does not.
  const execArgv = ext === '.ts' ? ['--require', require.resolve('tsx/cjs')] : [];
  return fork(entry, [], { execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: process.env });
}

/**
 * Starts `size` child processes that run trials (lib/sweep/trial-process); `run` hands a trial to
 * a free one. A trial's result does not depend on which child runs it or how many there are.
 *
 * @example const pool = createTrialPool(2); await pool.run(spec); await pool.close();
 */
export function createTrialPool(size: number): TrialPool {
  const host = os.hostname();
  const slots: Slot[] = [];
  const waiting: Array<() => void> = [];
  let closed = false;

  const attach = (slot: Slot): void => {
    slot.child.on('message', (m: ResultMessage) => {
      const settle = slot.settle;
      if (!settle) return;
      slot.settle = undefined;
      const worker = `${host}:${slot.child.pid}`;
      settle(
        m.type === 'result'
          ? { status: 'ok', metrics: m.metrics, seconds: m.seconds, worker, engine: m.engine }
          : { status: 'failed', error: m.message, inputError: m.inputError, seconds: m.seconds, worker },
      );
    });
    slot.child.on('exit', (code, signal) => {
      const settle = slot.settle;
      slot.settle = undefined;
      const worker = `${host}:${slot.child.pid}`;
      if (!closed) {
        slot.child = startChild();
        attach(slot);
      }
      settle?.({
        status: 'failed',
        error: `trial process ${worker} exited (${signal ?? `code ${code}`}) during the trial`,
        seconds: (Date.now() - slot.started) / 1000,
        worker,
      });
    });
  };

  for (let i = 0; i < size; i++) {
    const slot: Slot = { child: startChild(), busy: false, started: 0 };
    attach(slot);
    slots.push(slot);
  }

  const acquire = async (): Promise<Slot> => {
    for (;;) {
      const free = slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((r) => waiting.push(r));
    }
  };

  return {
    size,
    async run(spec) {
      if (closed) throw new Error('trial pool is closed');
      const slot = await acquire();
      try {
        if (closed) return { status: 'failed', error: 'trial pool closed', seconds: 0, worker: host };
        slot.started = Date.now();
        return await new Promise<TrialOutcome>((resolve) => {
          slot.settle = resolve;
          slot.child.send({ type: 'run', spec });
        });
      } finally {
        slot.busy = false;
        waiting.shift()?.();
      }
    },
    async close() {
      closed = true;
      waiting.splice(0).forEach((wake) => wake());
      await Promise.all(
        slots.map(
          (s) =>
            new Promise<void>((resolve) => {
              if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
              s.child.once('exit', () => resolve());
              s.child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
