import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mitdbDir } from '../common';
import { DS1, listRecords } from '../io';
import type * as Train from '../train';
import { resolveToyConfig, runToyTrial } from './toy-objective';
import type { Objective, TrialSpec } from './trial-spec';

/** A trial's figures by name: `macroF1`, `S.f1`, `svF1`, … (for k-fold trials, means over folds and `…Sd`). */
export type TrialMetrics = Record<string, number>;

// lib/train loads tfjs (seconds); a toy trial or a coordinator on the queue never needs it.
function trainModule(): typeof Train {
  return require('../train');
}

/**
 * Checks a trial's config before any trial runs: the training config spec for training trials
 * (an unknown key or a bad value is an error naming its path), the toy spec for toy trials.
 *
 * @example validateTrialConfig('toy', { x: 0, y: 0, sleepMs: 0 }) // => { x: 0, y: 0, sleepMs: 0 }
 * @throws EcgInputError naming the key path
 */
export function validateTrialConfig(objective: Objective, config: unknown): unknown {
  if (objective === 'toy') return resolveToyConfig(config);
  return trainModule().resolveTrainConfig(config);
}

function classMetrics(out: TrialMetrics, perClass: Record<string, { se: number; ppv: number; f1: number }>): void {
  for (const [c, m] of Object.entries(perClass)) {
    out[`${c}.se`] = m.se;
    out[`${c}.ppv`] = m.ppv;
    out[`${c}.f1`] = m.f1;
  }
}

async function runTrainTrial(spec: TrialSpec): Promise<TrialMetrics> {
  const train = trainModule();
  const config = train.resolveTrainConfig(spec.config, `trial ${spec.id}`);
  if (spec.folds > 0) {
    const dir = config.data.dir ?? mitdbDir();
    const present = listRecords(dir);
    const records = config.data.trainRecords ?? DS1.filter((r) => present.includes(r));
    const cv = await train.crossValidateRecords({ config, records, k: spec.folds, seed: config.seed });
    const out: TrialMetrics = {
      svF1: cv.svF1.mean,
      svF1Sd: cv.svF1.sd,
      macroF1: cv.macroF1.mean,
      macroF1Sd: cv.macroF1.sd,
      balancedAccuracy: cv.balancedAccuracy.mean,
      balancedAccuracySd: cv.balancedAccuracy.sd,
    };
    classMetrics(
      out,
      Object.fromEntries(
        Object.entries(cv.perClass).map(([c, m]) => [c, { se: m.se.mean, ppv: m.ppv.mean, f1: m.f1.mean }]),
      ),
    );
    // The same folds under S/V decision weights chosen on the other folds (prefix `decision.`),
    // and the pooled choice (`decision.weight.S`, …) a final run would carry to the test records.
    out['decision.svF1'] = cv.decision.svF1.mean;
    out['decision.svF1Sd'] = cv.decision.svF1.sd;
    for (const [c, m] of Object.entries(cv.decision.perClass)) {
      out[`decision.${c}.se`] = m.se.mean;
      out[`decision.${c}.ppv`] = m.ppv.mean;
      out[`decision.${c}.f1`] = m.f1.mean;
    }
    Object.keys(cv.perClass).forEach((c, i) => (out[`decision.weight.${c}`] = cv.decision.weights[i]));
    return out;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ecg-trial-'));
  try {
    const r = await train.runTraining({ config, outDir: scratch, progress: train.silentProgress, log: () => {} });
    const out: TrialMetrics = {
      accuracy: r.accuracy,
      balancedAccuracy: r.balancedAccuracy,
      macroF1: r.macroF1,
      svF1: ((r.perClass.S?.f1 ?? 0) + (r.perClass.V?.f1 ?? 0)) / 2,
      epochsRun: r.training.epochsRun,
      bestEpoch: r.training.bestEpoch,
    };
    classMetrics(out, r.perClass);
    return out;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Runs one trial where it is called and returns its figures; the only place a sweep calls lib/train
 * (runTraining, or crossValidateRecords over the training records — DS1 present in the data
 * folder unless the config names them — when `folds` > 0).
 *
 * @example (await runTrial(makeTrialSpec(0, {}, 'toy', { x: 1, y: 2, sleepMs: 0 }, 0))).score // => -0
 * @throws EcgInputError for a bad parameter found only when running (a record missing on this machine)
 */
export async function runTrial(spec: TrialSpec): Promise<TrialMetrics> {
  if (spec.objective === 'toy') return runToyTrial(resolveToyConfig(spec.config), spec.id);
  return runTrainTrial(spec);
}
