import { createHash } from 'crypto';
import type { TrialParams } from './search-space';

/** What a trial trains: a training config (lib/train), or the toy objective (benchmarks, tests). */
export type Objective = 'train' | 'toy';

/**
 * Everything a worker needs to run one trial, as plain JSON: the resolved config (base config with
 * the trial's parameters set) and the evaluation. A trial's result depends on this alone.
 */
export interface TrialSpec {
  /** sha256 of the objective, config and folds: the same trial has the same id on every machine. */
  id: string;
  /** Position in the search (0-based). */
  index: number;
  params: TrialParams;
  objective: Objective;
  config: unknown;
  /** k of patient-grouped k-fold CV over the training records (0: one inter-patient run). */
  folds: number;
}

// Keys sorted at every level, so that the id does not depend on the order keys were written in.
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

/**
 * The trial id: the first 20 hex digits of sha256 over the canonical JSON of what it runs.
 *
 * @example trialId('toy', { x: 1, y: 2, sleepMs: 0 }, 0) // => the same 20 hex digits on every machine
 */
export function trialId(objective: Objective, config: unknown, folds: number): string {
  const text = JSON.stringify(canonical({ objective, config, folds }));
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}

/**
 * A trial spec with its id.
 *
 * @example makeTrialSpec(0, { x: 1 }, 'toy', { x: 1, y: 2, sleepMs: 0 }, 0).id.length // => 20
 */
export function makeTrialSpec(
  index: number,
  params: TrialParams,
  objective: Objective,
  config: unknown,
  folds: number,
): TrialSpec {
  return { id: trialId(objective, config, folds), index, params, objective, config, folds };
}
