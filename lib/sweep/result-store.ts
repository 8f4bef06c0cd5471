import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError, writeJsonAtomic } from '../common';
import type { TrialMetrics } from './trial-runner';
import type { TrialParams } from './search-space';

/** One trial's result, as `--out DIR/trials/<id>.json` holds it and sweep.json lists it. */
export interface TrialResult {
  id: string;
  index: number;
  params: TrialParams;
  status: 'ok' | 'failed';
  metrics: TrialMetrics;
  error?: string;
  seconds: number;
  /** How many times the trial was started (a lost worker or a transient error starts it again). */
  attempts: number;
  /** host:pid that ran it. */
  worker: string;
  /** The engine the trial ran on (training trials). */
  engine?: string;
  /** The whole config the trial ran (base config with params set). */
  config: unknown;
  /** Taken from an earlier run of the same sweep (same --out), not run again. */
  reused?: boolean;
}

const trialFile = (dir: string, id: string) => path.join(dir, 'trials', `${id}.json`);

/**
 * The finished trials an output folder already holds, by id (failed trials are run again).
 *
 * @example readFinishedTrials('outputs/sweep').size // => 3 after three trials of a stopped sweep
 * @throws EcgInputError for a trial file that is not valid JSON
 */
export function readFinishedTrials(dir: string): Map<string, TrialResult> {
  const out = new Map<string, TrialResult>();
  const trialsDir = path.join(dir, 'trials');
  if (!fs.existsSync(trialsDir)) return out;
  for (const name of fs.readdirSync(trialsDir).filter((n) => /^[0-9a-f]+\.json$/.test(n))) {
    const file = path.join(trialsDir, name);
    let t: TrialResult;
    try {
      t = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new EcgInputError(
        `is not valid JSON (${(e as Error).message})`,
        { file },
        'a trial result; delete it to run the trial again',
      );
    }
    if (t.status === 'ok' && t.id === name.slice(0, -5)) out.set(t.id, t);
  }
  return out;
}

/**
 * Writes one trial's result atomically to DIR/trials/<id>.json.
 *
 * @example writeTrialResult('outputs/sweep', result)
 */
export function writeTrialResult(dir: string, result: TrialResult): void {
  const { reused: _reused, ...stored } = result;
  writeJsonAtomic(trialFile(dir, result.id), stored);
}
