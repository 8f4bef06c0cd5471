import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mitdbDir, meanSd, EcgInputError, type MeanSd } from '../common';
import { readBeatDataset, stratifiedGroupKFold } from '../data';
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
  };
}
