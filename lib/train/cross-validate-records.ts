import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mitdbDir, meanSd, EcgInputError, type MeanSd } from '../common';
import { readBeatDataset, stratifiedGroupKFold } from '../data';
import { chooseDecisionWeights, confusionMatrix, matrixMetrics, weightedArgmax } from '../evaluation';
import { silentProgress } from './progress';
import { runTraining } from './run-training';
import { resolveTrainConfig, type TrainConfig } from './train-config';

/** One fold of {@link crossValidateRecords}: its held-out records and their figures. */
export interface RecordFold {
  testRecords: string[];
  testBeats: number;
  macroF1: number;
  balancedAccuracy: number;
  perClass: Record<string, { se: number; ppv: number; f1: number; support: number }>;
}

/** What {@link crossValidateRecords} returns. */
export interface RecordCrossValidation {
  folds: RecordFold[];
  macroF1: MeanSd;
  balancedAccuracy: MeanSd;
  perClass: Record<string, { se: MeanSd; ppv: MeanSd; f1: MeanSd }>;
  /** Mean over folds of (F1 of S + F1 of V) / 2: the two classes de Chazal et al. 2004 report. */
  svF1: MeanSd;
  /**
   * Decision weights for S and V (lib/evaluation's chooseDecisionWeights) and what they are worth
   * on new patients: each fold is scored with the weights chosen on the *other* folds' held-out
   * predictions, so no fold's weights saw its own patients. `weights` are chosen on all folds'
   * held-out predictions pooled: the ones to carry to the test records.
   */
  decision: {
    weights: number[];
    svF1: MeanSd;
    perClass: Record<string, { se: MeanSd; ppv: MeanSd; f1: MeanSd }>;
    /** The weights each fold was scored with (chosen on the other folds). */
    foldWeights: number[][];
  };
}

/**
 * S and V decision weights chosen on the folds' pooled held-out predictions, and what they are
 * worth on new patients: each fold scored with the weights chosen on the other folds only.
 *
 * @example decisionWeightsAcrossFolds([fold1, fold2, fold3], ['N', 'S', 'V', 'F', 'Q']).svF1 // => { mean: 0.6, sd: 0.1 } (for example)
 */
export function decisionWeightsAcrossFolds(
  held: { probs: Float32Array; y: Int32Array }[],
  classes: string[],
): RecordCrossValidation['decision'] {
  const tune = ['S', 'V'].filter((c) => classes.includes(c));
  const k = classes.length;
  const pool = (parts: typeof held) => ({
    probs: Float32Array.from(parts.flatMap((p) => Array.from(p.probs))),
    y: Int32Array.from(parts.flatMap((p) => Array.from(p.y))),
  });
  const all = pool(held);
  const foldWeights: number[][] = [];
  const perFold = held.map((fold, f) => {
    const others = pool(held.filter((_, g) => g !== f));
    const { weights } = chooseDecisionWeights(others.probs, others.y, classes, { tune });
    foldWeights.push(weights);
    return matrixMetrics(confusionMatrix(fold.y, weightedArgmax(fold.probs, k, weights), k), classes).perClass;
  });
  const across = (pick: (m: (typeof perFold)[number]) => number) => meanSd(perFold.map(pick));
  const idx = (c: string) => classes.indexOf(c);
  return {
    weights: chooseDecisionWeights(all.probs, all.y, classes, { tune }).weights,
    svF1: across((m) => tune.reduce((s, c) => s + m[idx(c)].f1, 0) / Math.max(1, tune.length)),
    perClass: Object.fromEntries(
      tune.map((c) => [
        c,
        { se: across((m) => m[idx(c)].se), ppv: across((m) => m[idx(c)].ppv), f1: across((m) => m[idx(c)].f1) },
      ]),
    ),
    foldWeights,
  };
}

/**
 * Patient-grouped k-fold cross-validation of a whole training config (lib/train's runTraining
 * pipeline: filtering, RR features, train-only normalisation, balancing, early stopping) over
 * `records`: the folds hold out whole records, stratified by class (lib/data's
 * stratifiedGroupKFold), and each fold trains inter-patient on the other records. For choosing a
 * preset on DS1 without looking at DS2.
 *
 * @example (await crossValidateRecords({ config, records: DS1, k: 3, seed: 42 })).svF1 // => { mean: 0.55, sd: 0.1 } (for example)
 * @throws EcgInputError for fewer records than folds or a record missing from the data folder
 */
export async function crossValidateRecords(options: {
  config: TrainConfig;
  records: string[];
  k: number;
  seed: number;
  log?: (line: string) => void;
}): Promise<RecordCrossValidation> {
  const { config, records, k, seed } = options;
  const log = options.log ?? (() => {});
  if (records.length < k)
    throw new EcgInputError(`${records.length} records for ${k} folds`, { at: 'records' }, `at least ${k} records`);
  const dir = config.data.dir ?? mitdbDir();
  const d = config.data;
  const beats = readBeatDataset({ dir, records, preset: d.preset, filter: d.filter, labels: d.labels });
  const folds = stratifiedGroupKFold(beats.y, beats.record, { k, seed });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ecg-cv-'));
  const results: RecordFold[] = [];
  const held: { probs: Float32Array; y: Int32Array }[] = [];
  try {
    for (let f = 0; f < folds.length; f++) {
      const testRecords = [...folds[f].testGroups].sort();
      const trainRecords = records.filter((r) => !testRecords.includes(r));
      const foldConfig = resolveTrainConfig({
        ...config,
        data: { ...config.data, dir, protocols: ['inter-patient'], trainRecords, testRecords },
      });
      const r = await runTraining({
        config: foldConfig,
        outDir: path.join(scratch, `fold-${f + 1}`),
        progress: silentProgress,
        log: () => {},
        onTestPredictions: (t) => held.push({ probs: t.probs, y: t.y }),
      });
      const p = r.protocols['inter-patient'];
      const perClass = Object.fromEntries(
        p.classes.map((c) => [
          c,
          { se: p.perClass[c].se, ppv: p.perClass[c].ppv, f1: p.perClass[c].f1, support: p.perClass[c].support },
        ]),
      );
      results.push({ testRecords, testBeats: p.n, macroF1: p.macroF1, balancedAccuracy: p.balancedAccuracy, perClass });
      log(`fold ${f + 1}/${folds.length}: test records ${testRecords.join(' ')}, macro-F1 ${p.macroF1.toFixed(3)}`);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const classes = Object.keys(results[0].perClass);
  const across = (pick: (f: RecordFold) => number) => meanSd(results.map(pick));
  return {
    folds: results,
    macroF1: across((f) => f.macroF1),
    balancedAccuracy: across((f) => f.balancedAccuracy),
    perClass: Object.fromEntries(
      classes.map((c) => [
        c,
        {
          se: across((f) => f.perClass[c].se),
          ppv: across((f) => f.perClass[c].ppv),
          f1: across((f) => f.perClass[c].f1),
        },
      ]),
    ),
    svF1: across((f) => ((f.perClass.S?.f1 ?? 0) + (f.perClass.V?.f1 ?? 0)) / 2),
    decision: decisionWeightsAcrossFolds(held, classes),
  };
}
