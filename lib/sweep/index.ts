/**
 * Hyperparameter sweeps: a search (grid, seeded random, or a list) over dotted config paths,
 * expanded into trials with stable ids, run on local trial processes or as BullMQ jobs on Redis for
 * `ecg worker`s on other machines, resumable from their output folder.
 */
export {
  expandGrid,
  sampleRandom,
  expandSearch,
  parseGridArg,
  type SearchSpace,
  type Distribution,
  type TrialParams,
  type ParamValue,
} from './search-space';
export { setPath, getPath, applyParams } from './param-path';
export { trialId, makeTrialSpec, type TrialSpec, type Objective } from './trial-spec';
export { runTrial, validateTrialConfig, type TrialMetrics } from './trial-runner';
export { createTrialPool, type TrialPool, type TrialOutcome } from './trial-pool';
export { readFinishedTrials, writeTrialResult, type TrialResult } from './result-store';
export {
  runSweep,
  planTrials,
  bestConfig,
  embeddedExecutor,
  type SweepOptions,
  type SweepResult,
  type QueueTarget,
  type TrialExecutor,
} from './run-sweep';
export { resolveToyConfig, runToyTrial, type ToyConfig } from './toy-objective';
export { redisOptions, checkRedis } from './redis-connection';
export { queueExecutor, DEFAULT_QUEUE, type TrialJobData } from './run-on-queue';
export { runWorker, type WorkerOptions, type RunningWorker } from './run-worker';
