import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { EcgInputError, writeJsonAtomic, mitdbDir, outputsDir, seedStreams } from '../common';
import { DS2 } from '../io';
import { initBackend, type BackendInfo } from '../engine';
import {
  aamiReport,
  appendTestSetUse,
  configHash,
  weightedArgmax,
  protocolReport,
  recordBootstrap,
  recordConfusions,
  type ProtocolReport,
  type RecordConfusions,
} from '../evaluation';
import { buildModel } from '../models';
import { fitAndEvaluate, fitModelConfig } from './fit-and-evaluate';
import type { EpochEntry } from './history';
import { readModelDir, writeModelDir } from './model-files';
import { adaptToPatients, PATIENT_ADAPTATION } from './patient-adapted';
import { readRunBeats, prepareProtocolData, type ProtocolData } from './prepare-data';
import { consoleProgress, type ProgressReporter } from './progress';
import { describeVersions, SIDECAR_FORMAT_VERSION, type ModelSidecar } from './sidecar';
import { configForProtocol, decisionWeightList, type ProtocolChoice, type TrainConfig } from './train-config';

/** Options of {@link runTraining}. */
export interface RunOptions {
  config: TrainConfig;
  /** Output folder: model/, checkpoints/, history.json, evaluation_results.json. */
  outDir: string;
  /** Continue from the final checkpoints found in outDir (Adam moments restart from zero). */
  resume?: boolean;
  progress?: ProgressReporter;
  /** Where one-line messages go (default console.log). */
  log?: (line: string) => void;
  /**
   * The test-set log: each protocol scored on DS2 records appends a line (default
   * outputs/results/test-set-log.jsonl; null: no log, for runs on synthetic or scratch data).
   */
  testSetLog?: string | null;
  /** What runs this, for the test-set log (e.g. `ecg train --preset full`, `notebook 03`). */
  source?: string;
  /**
   * Receives each trained protocol's test probabilities (row-major, one column per class), true
   * classes and the record of each beat: e.g. for choosing decision weights on held-out folds.
   */
  onTestPredictions?: (p: { protocol: string; probs: Float32Array; y: Int32Array; records: string[] }) => void;
}

/**
 * The default test-set log, outputs/results/test-set-log.jsonl (ECG_OUTPUT_DIR moves it).
 *
 * @example defaultTestSetLog() // => '/path/to/repo/outputs/results/test-set-log.jsonl'
 */
export function defaultTestSetLog(): string {
  return path.join(outputsDir(), 'results', 'test-set-log.jsonl');
}

/** How one protocol's data were made and balanced, as evaluation_results.json records it. */
export interface ProtocolDataSummary {
  dir: string;
  synthetic: false;
  labels: TrainConfig['data']['labels'];
  preset: TrainConfig['data']['preset'];
  fsHz: number;
  beatLength: number;
  filter: TrainConfig['data']['filter'];
  normalization: TrainConfig['data']['normalization'];
  /** Names of the RR side features, empty without them. */
  rrFeatures: string[];
  trainBeats: Record<string, number>;
  validationBeats: Record<string, number>;
  testBeats: Record<string, number>;
  validationBy: ProtocolData['validationBy'];
  validationRecords: string[];
  maxTrainBeatsPerClass: number;
  balancing: TrainConfig['training']['balancing'];
  maxClassWeight: number;
  mixupAlpha: number;
  focalGamma: number;
  decisionWeights: Partial<Record<string, number>>;
}

/** What the patient-adapted protocol records about its data (see lib/train's adaptToPatients). */
export interface AdaptedDataSummary {
  adaptation: typeof PATIENT_ADAPTATION & { commonBeats: number; boundarySample: number };
  adaptedRecords: Awaited<ReturnType<typeof adaptToPatients>>['perRecord'];
  unadaptedOnScoredBeats: {
    note: string;
    accuracy: number;
    macroF1: number;
    aami: ReturnType<typeof aamiReport>['classes'];
  };
  testBeats: Record<string, number>;
}

/** The figures of one protocol in evaluation_results.json. */
export type ProtocolResults = ProtocolReport & {
  data: ProtocolDataSummary | AdaptedDataSummary;
  training: { epochsRun: number; bestEpoch: number; stoppedEarly: boolean };
  /** One confusion matrix per test record, for per-record tables and paired comparisons. */
  perRecord: RecordConfusions;
};

/** Wall-clock seconds of one protocol (kept apart from the figures, which must repeat exactly). */
export interface ProtocolTimings {
  trainSeconds: number;
  evaluateSeconds: number;
  epochSeconds: number[];
}

/** Wall-clock seconds of a run: reading the beats, each protocol (the patient-adapted one: adaptSeconds), the whole run. */
export type RunTimings = { readSeconds: number; totalSeconds: number } & Partial<
  Record<ProtocolChoice, ProtocolTimings | { adaptSeconds: number }>
>;

/** One protocol's history in history.json. */
export interface ProtocolHistory {
  epochs: EpochEntry[];
  bestEpoch: number;
  stoppedEarly: boolean;
}

/** evaluation_results.json: the headline protocol's figures at top level, all protocols below. */
export type EvaluationResults = ProtocolResults & {
  name: string;
  seed: number;
  backend: string;
  versions: Record<string, string>;
  /** Keyed by protocol name (ProtocolChoice). */
  protocols: Record<string, ProtocolResults>;
  timings: RunTimings;
};

function protocolDir(outDir: string, protocol: ProtocolChoice, headline: boolean): string {
  return headline ? outDir : path.join(outDir, protocol);
}

async function trainProtocol(
  config: TrainConfig,
  d: ProtocolData,
  dir: string,
  info: BackendInfo,
  options: RunOptions,
  log: (s: string) => void,
): Promise<{ results: ProtocolResults; history: EpochEntry[]; timings: ProtocolTimings }> {
  const started = Date.now();
  const t = config.training;
  const decisionWeights = decisionWeightList(t.decisionWeights, d.classes);
  const modelConfig = fitModelConfig(config.model, d.train, d.classes, config.seed);
  const sidecarBase: Omit<ModelSidecar, 'kind' | 'epoch' | 'history'> = {
    format: 'ecg-workbench-model',
    formatVersion: SIDECAR_FORMAT_VERSION,
    protocol: d.protocol,
    classes: d.classes,
    labels: config.data.labels,
    recipe: d.recipe,
    normalization: d.normalization,
    modelConfig,
    trainConfig: config,
    split: {
      trainRecords: d.trainRecords,
      validationRecords: d.validationRecords,
      testRecords: d.testRecords,
      validationBy: d.validationBy,
      note: d.note,
    },
    seed: config.seed,
    backend: info.backend,
    versions: describeVersions(info),
  };
  const bestDir = path.join(dir, 'model');
  const finalDir = path.join(dir, 'checkpoints', 'final');
  let model: tf.LayersModel;
  let initialHistory: EpochEntry[] | undefined;
  let initialBestWeights: tf.Tensor[] | undefined;
  if (options.resume) {
    const final = await readModelDir<ModelSidecar>(finalDir);
    model = final.model;
    initialHistory = final.sidecar.history;
    initialBestWeights = (await readModelDir<ModelSidecar>(bestDir)).model.getWeights();
    log(`resuming ${d.protocol} after epoch ${initialHistory.length} (Adam moments start again from zero)`);
  } else {
    model = buildModel(modelConfig);
  }
  log(
    `${d.protocol}: ${d.train.n} training beats (${JSON.stringify(d.counts.train)}), ${d.validation?.n ?? 0} validation (${d.validationBy}), ${d.test.n} test; ${model.countParams()} parameters`,
  );
  // The data come normalised (prepareProtocolData fitted it on the training beats).
  const fit = await fitAndEvaluate({
    model: config.model,
    classes: d.classes,
    train: d.train,
    validation: d.validation,
    test: d.test,
    seed: config.seed,
    epochs: t.epochs,
    batchSize: t.batchSize,
    learningRate: t.learningRate,
    schedule: t.schedule,
    earlyStoppingPatience: t.earlyStoppingPatience,
    monitor: t.monitor,
    classWeights: t.balancing === 'class-weights',
    maxClassWeight: t.maxClassWeight,
    oversample: t.balancing === 'oversample',
    mixupAlpha: t.mixupAlpha,
    focalGamma: t.focalGamma,
    decisionWeights,
    progress: options.progress,
    keepModel: true,
    initialModel: model,
    initialHistory,
    initialBestWeights,
    onEpochEnd: async (entry, m, improved, history) => {
      // The final checkpoint carries the history so far, which is what a resumed run continues from.
      await writeModelDir(finalDir, m, { ...sidecarBase, kind: 'final', epoch: entry.epoch, history });
      if (improved) await writeModelDir(bestDir, m, { ...sidecarBase, kind: 'best', epoch: entry.epoch, history });
    },
  });
  // The evaluated model is the best one (early stopping restored it), written again with the whole history.
  await writeModelDir(bestDir, model, { ...sidecarBase, kind: 'best', epoch: fit.bestEpoch, history: fit.history });
  model.dispose();
  initialBestWeights?.forEach((w) => w.dispose());
  const perRecord = recordConfusions(
    d.test.y,
    weightedArgmax(fit.probs, d.classes.length, decisionWeights),
    d.testBeatRecords,
    d.classes,
  );
  const ci = recordBootstrap(perRecord, { seed: seedStreams(config.seed).for('bootstrap') });
  const pr = protocolReport(d.protocol, fit.report, d.trainRecords, d.testRecords, [d.note], ci);
  const results: ProtocolResults = {
    ...pr,
    data: {
      dir: config.data.dir ?? mitdbDir(),
      synthetic: false,
      labels: config.data.labels,
      preset: config.data.preset,
      fsHz: d.fsHz,
      beatLength: d.train.length,
      filter: config.data.filter,
      normalization: config.data.normalization,
      rrFeatures: d.normalization.sideFeatureNames,
      trainBeats: d.counts.train,
      validationBeats: d.counts.validation,
      testBeats: d.counts.test,
      validationBy: d.validationBy,
      validationRecords: d.validationRecords,
      maxTrainBeatsPerClass: config.data.maxTrainBeatsPerClass,
      balancing: t.balancing,
      maxClassWeight: t.maxClassWeight,
      mixupAlpha: t.mixupAlpha,
      focalGamma: t.focalGamma,
      decisionWeights: t.decisionWeights,
    },
    training: { epochsRun: fit.history.length, bestEpoch: fit.bestEpoch, stoppedEarly: fit.stoppedEarly },
    perRecord,
  };
  logTestSetUse(options, config, d.protocol, d.testRecords, fit.report.macroF1);
  options.onTestPredictions?.({
    protocol: d.protocol,
    probs: fit.probs,
    y: d.test.y,
    records: d.testBeatRecords,
  });
  return {
    results,
    history: fit.history,
    timings: {
      trainSeconds: (Date.now() - started) / 1000 - fit.evaluateSeconds,
      evaluateSeconds: fit.evaluateSeconds,
      epochSeconds: fit.epochSeconds,
    },
  };
}

function logFigures(log: (s: string) => void, protocol: string, r: ProtocolResults): void {
  log(
    `${protocol}: accuracy ${(100 * r.accuracy).toFixed(2)}%, balanced ${(100 * r.balancedAccuracy).toFixed(2)}%, macro-F1 ${r.macroF1.toFixed(3)}; ` +
      Object.entries(r.aami.classes)
        .map(([c, v]) => `${c} Se ${v!.se.toFixed(1)} +P ${v!.ppv.toFixed(1)}`)
        .join(', '),
  );
}

function logTestSetUse(
  options: RunOptions,
  config: TrainConfig,
  protocol: string,
  testRecords: string[],
  macroF1: number,
): void {
  const heldOut = testRecords.filter((r) => DS2.includes(r));
  const logFile = options.testSetLog === undefined ? defaultTestSetLog() : options.testSetLog;
  if (heldOut.length && logFile)
    appendTestSetUse(logFile, {
      time: new Date().toISOString(),
      configHash: configHash(config),
      source: options.source ?? `runTraining (${path.basename(process.argv[1] ?? 'node')})`,
      protocol,
      testRecords: heldOut,
      name: config.name,
      seed: config.seed,
      macroF1,
    });
}

async function adaptedProtocol(
  config: TrainConfig,
  d: ProtocolData,
  modelDir: string,
  options: RunOptions,
  log: (s: string) => void,
): Promise<ProtocolResults> {
  const a = await adaptToPatients(modelDir, d, config.seed, log);
  const perRecord = recordConfusions(a.yTrue, a.yPred, a.recordOfBeat, d.classes);
  const ci = recordBootstrap(perRecord, { seed: seedStreams(config.seed).for('bootstrap') });
  const pr = protocolReport(
    'patient-adapted',
    a.report,
    d.trainRecords,
    d.testRecords,
    [
      `Fine-tuned per test record on the labelled beats whose window ends before minute ${PATIENT_ADAPTATION.minutes} (${a.split.adapt.reduce((s, x) => s + x.length, 0)} beats) plus ${a.commonBeats} common DS1 training beats; scored on the beats from minute ${PATIENT_ADAPTATION.minutes} on (${a.report.n} beats); ${a.split.straddling} beats straddling the boundary used for neither.`,
      'The adaptation settings were fixed before any run (AAMI rule and the patient-specific literature), not tuned on DS2 or DS1: fine-tuning uses plain cross-entropy and the scores plain argmax, whatever loss and decision weights the inter-patient model had.',
    ],
    ci,
  );
  logTestSetUse(options, config, 'patient-adapted', d.testRecords, a.report.macroF1);
  return {
    ...pr,
    data: {
      adaptation: { ...PATIENT_ADAPTATION, commonBeats: a.commonBeats, boundarySample: a.split.boundarySample },
      adaptedRecords: a.perRecord,
      unadaptedOnScoredBeats: {
        note: 'The inter-patient model without adaptation, on the same scored beats.',
        accuracy: a.unadapted.accuracy,
        macroF1: a.unadapted.macroF1,
        aami: aamiReport(a.unadapted).classes,
      },
      testBeats: Object.fromEntries(d.classes.map((c, i) => [c, a.yTrue.filter((y) => y === i).length])),
    },
    training: { epochsRun: PATIENT_ADAPTATION.epochs, bestEpoch: PATIENT_ADAPTATION.epochs, stoppedEarly: false },
    perRecord,
  };
}

/**
 * Runs a training config end to end: reads the beats once, and per protocol splits them, fits the
 * normalisation on the training beats, balances the training split, trains with the seeded loop
 * (checkpoints: `model/` best, `checkpoints/final/` last epoch), evaluates on the test side and
 * writes history.json and evaluation_results.json (time-dependent figures only under `timings`).
 * Each protocol's figures carry 95 % record-bootstrap intervals (`ci95`) and per-record confusion
 * matrices (`perRecord`); each protocol scored on DS2 records appends a line to the test-set log.
 * The first protocol's files go to outDir, others to outDir/<protocol>/; each protocol runs with
 * its `protocolOverrides` applied.
 *
 * @example await runTraining({ config: presetConfig('quick'), outDir: 'outputs/quick' })
 * @throws EcgInputError for records missing from the data folder or an impossible split
 */
export async function runTraining(options: RunOptions): Promise<EvaluationResults> {
  const started = Date.now();
  const log = options.log ?? ((s: string) => console.log(s));
  const config = options.config;
  const info = await initBackend();
  const dir = config.data.dir ?? mitdbDir();
  const progress = options.progress ?? consoleProgress();
  const protocols = config.data.protocols;
  log(`reading beats from ${dir} ...`);
  const all = readRunBeats(config.data, dir, protocols);
  const readSeconds = (Date.now() - started) / 1000;
  const perProtocol: Record<string, ProtocolResults> = {};
  const histories: Partial<Record<ProtocolChoice, ProtocolHistory>> = {};
  const timings: RunTimings = { readSeconds, totalSeconds: 0 };
  let inter: { d: ProtocolData; modelDir: string } | undefined;
  for (const [i, protocol] of protocols.entries()) {
    if (protocol === 'patient-adapted') {
      if (!inter)
        throw new EcgInputError(
          `'patient-adapted' comes before 'inter-patient'`,
          { at: 'data.protocols' },
          "'inter-patient' earlier in the list: the patient-adapted protocol starts from its model",
        );
      const t0 = Date.now();
      const r = await adaptedProtocol(config, inter.d, inter.modelDir, options, log);
      perProtocol[protocol] = r;
      timings[protocol] = { adaptSeconds: (Date.now() - t0) / 1000 };
      logFigures(log, protocol, r);
      continue;
    }
    const pc = configForProtocol(config, protocol);
    const d = prepareProtocolData(all, pc.data, dir, protocol, pc.seed);
    const out = protocolDir(options.outDir, protocol, i === 0);
    const r = await trainProtocol(pc, d, out, info, { ...options, progress }, log);
    perProtocol[protocol] = r.results;
    histories[protocol] = {
      epochs: r.history,
      bestEpoch: r.results.training.bestEpoch,
      stoppedEarly: r.results.training.stoppedEarly,
    };
    timings[protocol] = r.timings;
    if (protocol === 'inter-patient') inter = { d, modelDir: path.join(out, 'model') };
    logFigures(log, protocol, r.results);
  }
  timings.totalSeconds = (Date.now() - started) / 1000;
  const headline = perProtocol[protocols[0]];
  const results: EvaluationResults = {
    ...headline,
    name: config.name,
    seed: config.seed,
    backend: info.backend,
    versions: describeVersions(info),
    protocols: perProtocol,
    timings,
  };
  writeJsonAtomic(path.join(options.outDir, 'history.json'), {
    protocol: protocols[0],
    ...histories[protocols[0]],
    protocols: histories,
    timings,
  });
  writeJsonAtomic(path.join(options.outDir, 'evaluation_results.json'), results);
  progress.done(
    `wrote ${path.join(options.outDir, 'evaluation_results.json')} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  return results;
}
