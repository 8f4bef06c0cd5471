import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import {
  EcgInputError,
  createRng,
  mitdbDir,
  outputsDir,
  shuffledIndices,
  writeJsonAtomic,
  seedStreams,
} from '../common';
import {
  generateSyntheticCohort,
  groupSplit,
  heartbeatCsvBeatsOfRecord,
  randomSplit,
  readBeatDataset,
  segmentD1namoCohort,
  writeDataset,
} from '../data';
import { describeBackend, initBackend } from '../engine';
import type { ClassificationReport } from '../evaluation';
import { DS1, DS2, listRecords } from '../io';
import type { BeatArrays } from './beat-arrays';
import { capPerClass } from './cap-per-class';
import { fitAndEvaluate } from './fit-and-evaluate';
import type { EpochEntry } from './history';
import { writeModelDir } from './model-files';
import { silentProgress, type ProgressReporter } from './progress';
import { describeVersions } from './sidecar';
import type { StudyRunConfig } from './study-preset';

/** Labelled examples with the patient (record or subject) of each, before any split. */
export interface StudyExamples {
  /** n × length, row-major. */
  x: Float32Array;
  n: number;
  length: number;
  fsHz: number;
  y: Int32Array;
  classes: string[];
  /** Record (MIT-BIH) or subject (cohort) of each example. */
  group: string[];
  synthetic: boolean;
  /** Where the examples came from, for every table that shows them. */
  description: string;
}

/** Options of {@link readStudyExamples} and {@link runStudy}. */
export interface StudyDataOptions {
  /** MIT-BIH folder (default ECG_DATA_DIR, else the shipped subset). */
  dataDir?: string;
  /** Where a synthetic cohort is generated (default: outputs/data). */
  cohortDir?: string;
}

function gather(ex: StudyExamples, rows: ArrayLike<number>): StudyExamples {
  const x = new Float32Array(rows.length * ex.length);
  const y = new Int32Array(rows.length);
  const group: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    x.set(ex.x.subarray(i * ex.length, (i + 1) * ex.length), r * ex.length);
    y[r] = ex.y[i];
    group.push(ex.group[i]);
  }
  return { ...ex, x, y, n: rows.length, group };
}

function scaleEachToUnit(x: Float32Array, n: number, length: number): void {
  for (let i = 0; i < n; i++) {
    const row = x.subarray(i * length, (i + 1) * length);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of row) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const span = hi - lo || 1;
    for (let j = 0; j < length; j++) row[j] = (row[j] - lo) / span;
  }
}

/**
 * Loads the examples a study run needs, prepared without fitting anything: MIT-BIH beats around the
 * reference R peaks, heartbeat-CSV rows written from MIT-BIH (every record of the folder), or the
 * 10-s segments of a SYNTHETIC D1NAMO-layout cohort generated with the run's seed (reused when
 * already there). The examples do not depend on the split, so both splits may share them.
 *
 * @example (await readStudyExamples(resolveStudyRun(readStudyPreset('study-custom-cnn'), 'study', 'quick'))).classes // => ['N', 'S', 'V', 'F', 'Q']
 * @throws EcgInputError when the data folder lacks the records the split needs
 */
export async function readStudyExamples(
  config: StudyRunConfig,
  options: StudyDataOptions = {},
): Promise<StudyExamples> {
  const d = config.data;
  const dir = options.dataDir ?? mitdbDir();
  let ex: StudyExamples;
  if (d.source === 'synthetic-d1namo') {
    const minutes = config.budget.minutesPerSubject ?? 60;
    const subjects = d.subjects ?? 9;
    const cohortDir = path.join(
      options.cohortDir ?? path.join(outputsDir(), 'data'),
      `synthetic-d1namo-${subjects}x${minutes}min-seed${config.seed}`,
    );
    if (!fs.existsSync(path.join(cohortDir, 'cohort.json')))
      await generateSyntheticCohort({ dir: cohortDir, seed: config.seed, subjects, minutesPerSubject: minutes });
    const seg = segmentD1namoCohort(cohortDir);
    ex = {
      x: seg.x,
      n: seg.n,
      length: seg.length,
      fsHz: seg.fsHz,
      y: seg.y,
      classes: ['normo', 'hypo'],
      group: seg.subject,
      synthetic: seg.synthetic,
      description: `SYNTHETIC D1NAMO-layout cohort (ECGSYN-style model), ${subjects} subjects × ${minutes} min, 10-s segments at ${seg.fsHz} Hz`,
    };
  } else {
    // Every record of the folder: the examples do not depend on the split (the inter-patient split
    // then keeps DS1 and DS2 rows only), so both splits of a preset can share one load.
    const records = listRecords(dir);
    if (records.length === 0)
      throw new EcgInputError('no MIT-BIH record', { file: dir }, 'MIT-BIH records (set ECG_DATA_DIR)');
    if (d.source === 'heartbeat-csv') {
      const parts = records.map((r) => ({
        r,
        rows: heartbeatCsvBeatsOfRecord(dir, r, { labels: d.labels as 'binary' }),
      }));
      const n = parts.reduce((a, p) => a + p.rows.n, 0);
      const length = parts[0].rows.length;
      const x = new Float32Array(n * length);
      const y = new Int32Array(n);
      const group: string[] = [];
      let at = 0;
      for (const p of parts) {
        x.set(p.rows.x, at * length);
        y.set(p.rows.y, at);
        for (let i = 0; i < p.rows.n; i++) group.push(p.r);
        at += p.rows.n;
      }
      ex = {
        x,
        n,
        length,
        fsHz: 125,
        y,
        classes: parts[0].rows.classes,
        group,
        synthetic: false,
        description: `heartbeat-CSV rows (Kachuee et al. 2018 recipe) written from ${records.length} MIT-BIH records`,
      };
    } else {
      const ds = readBeatDataset({
        dir,
        records,
        beforeSamples: d.beforeSamples,
        afterSamples: d.afterSamples,
        filter: d.filter ?? 'bandpass',
        labels: d.labels as 'aami5' | 'mitbih5' | 'binary',
      });
      ex = {
        x: ds.x,
        n: ds.n,
        length: ds.length,
        fsHz: ds.fsHz,
        y: ds.y,
        classes: [...ds.classes],
        group: ds.record,
        synthetic: false,
        description: `MIT-BIH beats (${ds.length} samples at ${ds.fsHz} Hz around the reference R peaks) of ${records.length} records`,
      };
    }
  }
  if (d.beatScaling === 'minmax') {
    ex = { ...ex, x: Float32Array.from(ex.x) };
    scaleEachToUnit(ex.x, ex.n, ex.length);
  }
  return ex;
}

/** Row indices of the training, validation and test sides of one run. */
export interface StudySplitRows {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
  trainGroups: string[];
  testGroups: string[];
  note: string;
}

function uniformSample(rows: Int32Array, max: number, seed: number): Int32Array {
  if (max <= 0 || rows.length <= max) return rows;
  const order = shuffledIndices(rows.length, createRng(seed));
  return Int32Array.from(order.slice(0, max), (j) => rows[j]).sort();
}

/**
 * Splits examples as the run's split says, holds out a stratified random validation share of the
 * training side, then applies the budget's caps (training: per class; validation and test: a
 * seeded uniform sample, so the test side keeps its class proportions).
 *
 * @example splitStudyExamples(examples, config).testGroups // => ['100', '103', ...] for inter-patient
 * @throws EcgInputError when a side ends up empty
 */
export function splitStudyExamples(ex: StudyExamples, config: StudyRunConfig): StudySplitRows {
  const seeds = seedStreams(config.seed);
  const s = config.split;
  let train: Int32Array;
  let test: Int32Array;
  let note: string;
  if (s.kind === 'random') {
    const r = randomSplit(ex.n, { testFraction: s.testFraction!, seed: seeds.for('split'), stratify: ex.y });
    ({ train, test } = r);
    note = `random ${Math.round(100 * s.testFraction!)} % of examples in test, stratified by class: examples of one patient sit on both sides`;
  } else if (s.kind === 'inter-patient') {
    const ds1 = new Set(DS1);
    const ds2 = new Set(DS2);
    train = Int32Array.from(ex.group.flatMap((g, i) => (ds1.has(g) ? [i] : [])));
    test = Int32Array.from(ex.group.flatMap((g, i) => (ds2.has(g) ? [i] : [])));
    note = 'inter-patient (de Chazal et al. 2004): DS1 records train, DS2 records test, no patient on both sides';
  } else {
    const r = groupSplit(ex.group, { testFraction: s.testFraction!, seed: seeds.for('split'), y: ex.y });
    ({ train, test } = r);
    note = `leave-subjects-out: subjects ${r.testGroups.join(', ')} only in test`;
  }
  if (train.length === 0 || test.length === 0)
    throw new EcgInputError(
      `the ${s.kind} split leaves ${train.length} training and ${test.length} test examples`,
      { file: config.name, at: `splits.${s.name}` },
      'examples on both sides (for inter-patient: DS1 and DS2 records in the data folder)',
    );
  let validation: Int32Array = new Int32Array(0);
  if (config.training.validationFraction > 0) {
    const yt = Array.from(train, (i) => ex.y[i]);
    const v = randomSplit(train.length, {
      testFraction: config.training.validationFraction,
      seed: seeds.for('validation'),
      stratify: yt,
    });
    validation = Int32Array.from(v.test, (j) => train[j]);
    train = Int32Array.from(v.train, (j) => train[j]);
  }
  const b = config.budget;
  train = capPerClass(ex.y, train, b.maxTrainPerClass, seeds.for('cap'));
  validation = uniformSample(validation, b.maxValidation, seeds.for('validationSample'));
  test = uniformSample(test, b.maxTest, seeds.for('testSample'));
  const groups = (rows: Int32Array) => [...new Set(Array.from(rows, (i) => ex.group[i]))].sort();
  return { train, validation, test, trainGroups: groups(train), testGroups: groups(test), note };
}

/**
 * The figures the five studies report, from one classification report: for two classes those of the
 * positive (second) class; for more, macro averages over the classes.
 *
 * @example studyMetrics(report).f1 // => 0.81
 */
export function studyMetrics(report: ClassificationReport): Record<string, number | null> {
  const binary = report.classes.length === 2;
  const pos = report.classes[1];
  const m = binary ? report.perClass[pos] : undefined;
  return {
    accuracy: report.accuracy,
    balancedAccuracy: report.balancedAccuracy,
    precision: m ? m.ppv : report.macro.precision,
    recall: m ? m.se : report.macro.recall,
    specificity: m ? m.specificity : report.macro.specificity,
    f1: m ? m.f1 : report.macroF1,
    rocAuc: binary ? report.rocAuc.perClass[pos] : report.rocAuc.macro,
    aupr: binary ? report.aupr.perClass[pos] : report.aupr.macro,
  };
}

/** One model's outcome in a study run. */
export interface StudyModelResult {
  parameters: number;
  metrics: Record<string, number | null>;
  classes: string[];
  /** Rows: true class; columns: predicted. */
  confusionMatrix: number[][];
  perClass: ClassificationReport['perClass'];
  history: EpochEntry[];
  bestEpoch: number;
  epochsRun: number;
}

/** What {@link runStudy} returns and writes to evaluation_results.json. */
export interface StudyRunResult {
  name: string;
  study: number;
  title: string;
  split: StudyRunConfig['split'];
  budget: StudyRunConfig['budget'];
  seed: number;
  synthetic: boolean;
  engine: string;
  versions: Record<string, string>;
  config: StudyRunConfig;
  data: {
    description: string;
    note: string;
    classes: string[];
    trainCounts: Record<string, number>;
    validationCounts: Record<string, number>;
    testCounts: Record<string, number>;
    trainGroups: string[];
    testGroups: string[];
  };
  models: Record<string, StudyModelResult>;
  /** Time-dependent figures only here, so two runs' files compare equal elsewhere. */
  timings: { totalSeconds: number; trainSeconds: Record<string, number> };
}

/** Options of {@link runStudy}. */
export interface RunStudyOptions extends StudyDataOptions {
  /** Where evaluation_results.json and each model's folder go; nothing is written without it. */
  outDir?: string;
  progress?: ProgressReporter;
  /** Examples already loaded for this run's split (a notebook shares them between budgets). */
  examples?: StudyExamples;
}

function counts(ex: StudyExamples, rows: Int32Array): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(ex.classes.map((c) => [c, 0]));
  for (const i of rows) out[ex.classes[ex.y[i]]]++;
  return out;
}

function arrays(ex: StudyExamples, rows: Int32Array): BeatArrays {
  const g = gather(ex, rows);
  return { x: g.x, n: g.n, length: g.length, channels: 1, sideFeatures: 0, y: g.y };
}

/**
 * Runs one study preset under one split and budget: loads and splits the examples, trains every
 * model of the preset with lib/train's seeded loop (normalisation fitted on the training side,
 * balancing and mixup on it only), scores the test side, and writes under outDir:
 * evaluation_results.json, `processed-dataset.{bin,json}` (the examples and each side's rows,
 * lib/data's readDataset reads it) and per model `<model>/model` (the best epoch when early
 * stopping restored it, else the last) and `<model>/checkpoints/final` (the last epoch).
 *
 * @example (await runStudy(resolveStudyRun(readStudyPreset('study-stacked-lstm'), 'honest', 'quick'))).models['Stacked LSTM'].metrics.accuracy // => 0.6 (for example)
 * @throws EcgInputError for missing records or an impossible split
 */
export async function runStudy(config: StudyRunConfig, options: RunStudyOptions = {}): Promise<StudyRunResult> {
  const started = Date.now();
  const info = await initBackend();
  const ex = options.examples ?? (await readStudyExamples(config, options));
  const rows = splitStudyExamples(ex, config);
  const t = config.training;
  const train = arrays(ex, rows.train);
  const validation = rows.validation.length ? arrays(ex, rows.validation) : undefined;
  const test = arrays(ex, rows.test);
  const models: Record<string, StudyModelResult> = {};
  const trainSeconds: Record<string, number> = {};
  if (options.outDir) {
    // The examples exactly as the models saw them before normalisation, with the rows of each side,
    // so a reader can re-score or re-split without re-reading the records.
    writeDataset(path.join(options.outDir, 'processed-dataset'), {
      ...ex,
      split: config.split.kind,
      trainRows: rows.train,
      validationRows: rows.validation,
      testRows: rows.test,
    });
  }
  const modelFolder = (name: string): string =>
    path.join(options.outDir ?? '', name.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
  for (const [name, model] of Object.entries(config.models)) {
    let lastWeights: tf.Tensor[] = [];
    const r = await fitAndEvaluate({
      model,
      classes: ex.classes,
      train,
      validation,
      test,
      seed: config.seed,
      epochs: t.epochs,
      batchSize: t.batchSize,
      learningRate: t.learningRate,
      schedule: t.schedule,
      earlyStoppingPatience: t.earlyStoppingPatience,
      monitor: t.monitor,
      normalization: config.data.normalization,
      clipAt: config.data.clipAt,
      classWeights: t.classWeights,
      oversample: t.oversample,
      mixupAlpha: t.mixupAlpha,
      progress: options.progress ?? silentProgress,
      keepModel: Boolean(options.outDir),
      // The last epoch's weights, kept before early stopping restores the best ones into the model.
      onEpochEnd: options.outDir
        ? async (_entry, m) => {
            lastWeights.forEach((w) => w.dispose());
            lastWeights = m.getWeights().map((w) => w.clone());
          }
        : undefined,
    });
    if (options.outDir && r.model) {
      const sidecar = (kind: 'best' | 'final') => ({
        format: 'ecg-workbench-model',
        formatVersion: 1,
        kind,
        study: config.name,
        split: config.split,
        classes: ex.classes,
        modelConfig: r.modelConfig,
        normalization: r.normalization ?? null,
        seed: config.seed,
        history: r.history,
      });
      await writeModelDir(path.join(modelFolder(name), 'model'), r.model, sidecar('best'));
      r.model.setWeights(lastWeights);
      await writeModelDir(path.join(modelFolder(name), 'checkpoints', 'final'), r.model, sidecar('final'));
      r.model.dispose();
    }
    lastWeights.forEach((w) => w.dispose());
    models[name] = {
      parameters: r.parameters,
      metrics: studyMetrics(r.report),
      classes: r.report.classes,
      confusionMatrix: r.report.confusionMatrix,
      perClass: r.report.perClass,
      history: r.history,
      bestEpoch: r.bestEpoch,
      epochsRun: r.history.length,
    };
    trainSeconds[name] = r.trainSeconds;
  }
  const result: StudyRunResult = {
    name: config.name,
    study: config.study,
    title: config.title,
    split: config.split,
    budget: config.budget,
    seed: config.seed,
    synthetic: ex.synthetic,
    engine: describeBackend(info),
    versions: describeVersions(info),
    config,
    data: {
      description: ex.description,
      note: rows.note,
      classes: ex.classes,
      trainCounts: counts(ex, rows.train),
      validationCounts: counts(ex, rows.validation),
      testCounts: counts(ex, rows.test),
      trainGroups: rows.trainGroups,
      testGroups: rows.testGroups,
    },
    models,
    timings: { totalSeconds: (Date.now() - started) / 1000, trainSeconds },
  };
  if (options.outDir) writeJsonAtomic(path.join(options.outDir, 'evaluation_results.json'), result);
  return result;
}
