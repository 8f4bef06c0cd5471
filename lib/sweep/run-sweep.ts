import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EcgInputError, repoRoot, writeJsonAtomic } from '../common';
import { applyParams } from './param-path';
import { readFinishedTrials, writeTrialResult, type TrialResult } from './result-store';
import { expandSearch, type SearchSpace } from './search-space';
import { createTrialPool, type TrialOutcome } from './trial-pool';
import { validateTrialConfig } from './trial-runner';
import { makeTrialSpec, type Objective, type TrialSpec } from './trial-spec';

/** Where a sweep's trials run. */
export interface QueueTarget {
  /** redis://HOST:PORT[/DB] */
  url: string;
  /** BullMQ queue name (default 'ecg-sweep'); workers must use the same. */
  name?: string;
}

/** Options of {@link runSweep}. */
export interface SweepOptions {
  /** The base config: a training config (lib/train JSON), or a toy config for objective 'toy'. */
  base: unknown;
  objective?: Objective;
  search: SearchSpace;
  /** Each trial as patient-grouped k-fold CV over the training records (0 or absent: one run). */
  folds?: number;
  /** Local trial processes (default: the number of cores); ignored with `queue`. */
  workers?: number;
  /** Run the trials as BullMQ jobs on Redis instead, for `ecg worker`s on any machine. */
  queue?: QueueTarget;
  /** One JSON per trial and sweep.json; re-running with the same folder re-uses finished trials. */
  outDir?: string;
  /** The figure that ranks trials (default macroF1, or score for the toy objective). */
  metric?: string;
  mode?: 'max' | 'min';
  /** Further starts of a trial that failed for another reason than bad input (default 2). */
  retries?: number;
  /** The progress line (done/total, ETA) as it changes. */
  progress?: (line: string) => void;
  /** Stops the sweep: running trials are abandoned, finished ones stay in outDir. */
  signal?: AbortSignal;
}

/** What {@link runSweep} returns and writes to sweep.json. */
export interface SweepResult {
  trials: TrialResult[];
  /** False when the sweep was stopped before every trial finished. */
  complete: boolean;
  best: { id: string; index: number; params: TrialResult['params']; metrics: TrialResult['metrics'] } | null;
  metric: string;
  mode: 'max' | 'min';
  objective: Objective;
  search: SearchSpace;
  folds: number;
  base: unknown;
  runner: { kind: 'embedded'; workers: number } | { kind: 'queue'; url: string; name: string };
  versions: Record<string, string>;
  /** The engines the trials ran on (one per kind of worker machine). */
  engines: string[];
  seconds: number;
}

/** Runs trials and reports each final outcome; the embedded pool or the queue. */
export type TrialExecutor = (
  specs: TrialSpec[],
  report: (spec: TrialSpec, outcome: TrialOutcome, attempts: number) => void,
  signal?: AbortSignal,
) => Promise<void>;

function versions(queue: boolean): Record<string, string> {
  const v = (file: string): string => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')).version;
    } catch {
      return 'unknown';
    }
  };
  const out: Record<string, string> = {
    workbench: v(path.join(repoRoot(), 'package.json')),
    node: process.version,
    tfjs: v(require.resolve('@tensorflow/tfjs/package.json')),
  };
  if (queue) out.bullmq = v(require.resolve('bullmq/package.json'));
  return out;
}

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m ${Math.round(s % 60)}s` : `${Math.round(s)}s`;
}

/**
 * Expands a search into trial specs: the base config with each trial's parameters set, checked
 * against the config spec — a bad path or value is an error naming it, before any trial runs.
 *
 * @example planTrials({ x: 0, y: 0, sleepMs: 0 }, 'toy', { kind: 'grid', grid: { x: [1, 2] } }, 0).length // => 2
 * @throws EcgInputError naming the parameter path
 */
export function planTrials(base: unknown, objective: Objective, search: SearchSpace, folds: number): TrialSpec[] {
  if (!Number.isInteger(folds) || folds < 0 || folds === 1)
    throw new EcgInputError(`--folds ${folds}`, { file: 'ecg sweep', at: '--folds' }, '0 (no CV) or k ≥ 2');
  return expandSearch(search).map((params, i) =>
    makeTrialSpec(
      i,
      params,
      objective,
      applyParams(base, params, (c) => validateTrialConfig(objective, c)),
      folds,
    ),
  );
}

/** The embedded executor: `workers` local trial processes, bounded retries for crashes. */
export function embeddedExecutor(workers: number, retries: number): TrialExecutor {
  return async (specs, report, signal) => {
    if (specs.length === 0) return;
    const pool = createTrialPool(Math.max(1, Math.min(workers, specs.length)));
    const stop = () => void pool.close();
    signal?.addEventListener('abort', stop);
    try {
      await Promise.all(
        specs.map(async (spec) => {
          for (let attempt = 1; ; attempt++) {
            if (signal?.aborted) return;
            const o = await pool.run(spec);
            if (signal?.aborted) return;
            if (o.status === 'ok' || o.inputError || attempt > retries) return report(spec, o, attempt);
          }
        }),
      );
    } finally {
      signal?.removeEventListener('abort', stop);
      await pool.close();
    }
  };
}

/**
 * Runs a hyperparameter sweep: expands the search into trials, validates every trial's config,
 * re-uses the finished trials of `outDir`, runs the rest on local trial processes (default) or on
 * a BullMQ queue served by `ecg worker`s, and writes one JSON per trial and sweep.json. A trial's
 * figures depend only on its config (parameters and seed), not on where or beside what it ran.
 *
 * @example (await runSweep({ base: presetConfig('quick'), search: { kind: 'grid', grid: { 'training.learningRate': [1e-3, 3e-3] } } })).best
 * @throws EcgInputError for a bad parameter path or value (before any trial runs) or an unreachable queue (naming the URL)
 */
export async function runSweep(options: SweepOptions): Promise<SweepResult> {
  const started = Date.now();
  const objective = options.objective ?? 'train';
  const folds = options.folds ?? 0;
  const metric = options.metric ?? (objective === 'toy' ? 'score' : 'macroF1');
  const mode = options.mode ?? 'max';
  const specs = planTrials(options.base, objective, options.search, folds);
  const finished = options.outDir ? readFinishedTrials(options.outDir) : new Map<string, TrialResult>();
  const unique = [...new Map(specs.map((s) => [s.id, s])).values()];
  const pending = unique.filter((s) => !finished.has(s.id));
  const results = new Map<string, TrialResult>();
  for (const s of unique) {
    const f = finished.get(s.id);
    if (f) results.set(s.id, { ...f, reused: true });
  }
  let ran = 0;
  let failed = 0;
  const say = (): void => {
    const secs = (Date.now() - started) / 1000;
    const eta = ran > 0 ? (secs / ran) * (pending.length - ran - failed) : NaN;
    options.progress?.(
      `sweep: ${results.size}/${unique.length} trials done (${unique.length - pending.length} reused, ${failed} failed), ` +
        `${duration(secs)} elapsed, ETA ${pending.length - ran - failed === 0 ? '0s' : duration(eta)}`,
    );
  };
  say();
  const report = (spec: TrialSpec, o: TrialOutcome, attempts: number): void => {
    if (o.status === 'ok') ran++;
    else failed++;
    const r: TrialResult = {
      id: spec.id,
      index: spec.index,
      params: spec.params,
      status: o.status,
      metrics: o.metrics ?? {},
      ...(o.error ? { error: o.error } : {}),
      seconds: o.seconds,
      attempts,
      worker: o.worker,
      ...(o.engine ? { engine: o.engine } : {}),
      config: spec.config,
    };
    results.set(spec.id, r);
    if (options.outDir) writeTrialResult(options.outDir, r);
    say();
  };
  const executor: TrialExecutor = options.queue
    ? (require('./run-on-queue') as typeof import('./run-on-queue')).queueExecutor(options.queue, options.retries ?? 2)
    : embeddedExecutor(options.workers ?? os.availableParallelism(), options.retries ?? 2);
  await executor(pending, report, options.signal);
  const trials = specs.flatMap((s) => {
    const r = results.get(s.id);
    return r ? [{ ...r, index: s.index, params: s.params }] : [];
  });
  const ok = trials.filter((t) => t.status === 'ok' && typeof t.metrics[metric] === 'number');
  const better = (a: TrialResult, b: TrialResult) =>
    mode === 'max' ? b.metrics[metric] > a.metrics[metric] : b.metrics[metric] < a.metrics[metric];
  const top = ok.length ? ok.reduce((a, b) => (better(a, b) ? b : a)) : null;
  const result: SweepResult = {
    trials,
    complete: trials.length === specs.length,
    best: top ? { id: top.id, index: top.index, params: top.params, metrics: top.metrics } : null,
    metric,
    mode,
    objective,
    search: options.search,
    folds,
    base: options.base,
    runner: options.queue
      ? { kind: 'queue', url: options.queue.url, name: options.queue.name ?? 'ecg-sweep' }
      : { kind: 'embedded', workers: options.workers ?? os.availableParallelism() },
    versions: versions(Boolean(options.queue)),
    engines: [...new Set(trials.flatMap((t) => (t.engine ? [t.engine] : [])))],
    seconds: (Date.now() - started) / 1000,
  };
  if (options.outDir) writeJsonAtomic(path.join(options.outDir, 'sweep.json'), result);
  return result;
}

/**
 * The config of the sweep's best trial, ready for `ecg train --config`.
 *
 * @example writeJsonAtomic('best.json', bestConfig(await runSweep(options)))
 * @throws EcgInputError when no trial finished with the ranking metric
 */
export function bestConfig(result: SweepResult): unknown {
  const t = result.best && result.trials.find((x) => x.id === result.best!.id);
  if (!t)
    throw new EcgInputError(
      'no finished trial',
      { file: 'sweep', at: result.metric },
      'at least one trial with the metric',
    );
  return t.config;
}
