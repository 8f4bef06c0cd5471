import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { EcgInputError, writeJsonAtomic, mitdbDir, outputsDir } from '../common';
import { DS2 } from '../io';
import { classWeights, randomOversample, sampleWeights, selectRows } from '../data';
import { initBackend, type BackendInfo } from '../engine';
import {
  aamiReport,
  appendTestSetUse,
  configHash,
  evaluateClassifier,
  predictClasses,
  protocolReport,
  recordBootstrap,
  recordConfusions,
  type ProtocolReport,
  type RecordConfusions,
} from '../evaluation';
import { buildModel, resolveModelConfig, type ModelConfig, mixSeeds } from '../models';
import type { BeatArrays } from './beat-arrays';
import { predictProbabilities } from './beat-arrays';
import type { EpochEntry } from './history';
import { mixupBatch } from './mixup-batch';
import { readModelDir, writeModelDir } from './model-files';
import { readRunBeats, prepareProtocolData, type ProtocolData } from './prepare-data';
import { consoleProgress, type ProgressReporter } from './progress';
import type { ModelSidecar } from './sidecar';
import { describeVersions } from './sidecar';
import { configForProtocol, type ProtocolChoice, type TrainConfig } from './train-config';
import { trainModel } from './train-model';
import { adaptToPatients, PATIENT_ADAPTATION } from './patient-adapted';

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
}

/**
 * The default test-set log, outputs/results/test-set-log.jsonl (ECG_OUTPUT_DIR moves it).
 *
 * @example defaultTestSetLog() // => '/path/to/repo/outputs/results/test-set-log.jsonl'
 */
export function defaultTestSetLog(): string {
  return path.join(outputsDir(), 'results', 'test-set-log.jsonl');
}

/** The figures of one protocol in evaluation_results.json. */
export type ProtocolResults = Omit<ProtocolReport, 'curves'> & {
  curves: ProtocolReport['curves'];
  data: Record<string, unknown>;
  training: { epochsRun: number; bestEpoch: number; stoppedEarly: boolean };
  /** One confusion matrix per test record, for per-record tables and paired comparisons. */
  perRecord: RecordConfusions;
};

/** evaluation_results.json: the headline protocol's figures at top level, all protocols below. */
export type EvaluationResults = ProtocolResults & {
  name: string;
  seed: number;
  backend: string;
  versions: Record<string, string>;
  protocols: Record<string, ProtocolResults>;
  timings: Record<string, unknown>;
};

function protocolDir(outDir: string, protocol: ProtocolChoice, headline: boolean): string {
  return headline ? outDir : path.join(outDir, protocol);
}

function modelConfigFor(config: TrainConfig, d: ProtocolData): ModelConfig {
  const base = resolveModelConfig(config.model, 'model');
  const derived = {
    inputLength: d.train.length,
    channels: d.train.channels,
    numClasses: d.classes.length,
    sideFeatures: d.train.sideFeatures,
  };
  return { ...base, ...derived, seed: 'seed' in config.model ? base.seed : mixSeeds(config.seed, 5) };
}

async function trainProtocol(
  config: TrainConfig,
  d: ProtocolData,
  dir: string,
  info: BackendInfo,
  options: RunOptions,
  log: (s: string) => void,
): Promise<{ results: ProtocolResults; history: EpochEntry[]; timings: Record<string, unknown> }> {
  const started = Date.now();
  const modelConfig = modelConfigFor(config, d);
  const t = config.training;
  let train: BeatArrays = d.train;
  let weights: Float32Array | undefined;
  if (t.balancing === 'class-weights') {
    const cw = classWeights(train.y, d.classes.length).map((w) =>
      t.maxClassWeight > 0 ? Math.min(w, t.maxClassWeight) : w,
    );
    weights = sampleWeights(train.y, cw);
  } else if (t.balancing === 'oversample') {
    const o = randomOversample(
      { x: train.x, y: train.y, n: train.n, length: train.length * train.channels },
      { seed: mixSeeds(config.seed, 4) },
    );
    const picked = selectRows({ n: train.n, x: train.x, y: train.y, rr: train.side }, o.source);
    train = { ...train, x: picked.x, y: picked.y, n: picked.n, side: picked.rr };
  }
  const sidecarBase: Omit<ModelSidecar, 'kind' | 'epoch' | 'history'> = {
    format: 'ecg-workbench-model',
    formatVersion: 1,
    protocol: d.protocol,
    classes: d.classes,
    labels: config.data.labels,
    window: {
      preset: config.data.preset,
      length: d.train.length,
      ...d.window,
      fsHz: d.fsHz,
      filter: config.data.filter,
    },
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
  const result = await trainModel(model, train, d.validation, {
    epochs: t.epochs,
    batchSize: t.batchSize,
    learningRate: t.learningRate,
    schedule: t.schedule,
    seed: mixSeeds(config.seed, 6),
    sampleWeight: weights,
    augmentBatch: t.mixupAlpha > 0 ? mixupBatch(t.mixupAlpha) : undefined,
    earlyStopping:
      t.earlyStoppingPatience > 0 && d.validation
        ? { patience: t.earlyStoppingPatience, restoreBest: true }
        : undefined,
    monitor: t.monitor,
    progress: options.progress,
    initialHistory,
    initialBestWeights,
    onEpochEnd: async (entry, m, improved, history) => {
      // The final checkpoint carries the history so far, which is what a resumed run continues from.
      await writeModelDir(finalDir, m, { ...sidecarBase, kind: 'final', epoch: entry.epoch, history });
      if (improved) await writeModelDir(bestDir, m, { ...sidecarBase, kind: 'best', epoch: entry.epoch, history });
    },
  });
  const trainSeconds = (Date.now() - started) / 1000;
  // The evaluated model is the best one (early stopping restored it), saved again with the whole history.
  await writeModelDir(bestDir, model, {
    ...sidecarBase,
    kind: 'best',
    epoch: result.bestEpoch,
    history: result.history,
  });
  const evalStarted = Date.now();
  const probs = await predictProbabilities(model, d.test);
  const report = evaluateClassifier(d.test.y, probs, d.classes);
  const perRecord = recordConfusions(d.test.y, predictClasses(probs, d.classes.length), d.testBeatRecords, d.classes);
  const ci = recordBootstrap(perRecord, { seed: mixSeeds(config.seed, 7) });
  const pr = protocolReport(d.protocol, report, d.trainRecords, d.testRecords, [d.note], ci);
  model.dispose();
  initialBestWeights?.forEach((w) => w.dispose());
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
    },
    training: { epochsRun: result.history.length, bestEpoch: result.bestEpoch, stoppedEarly: result.stoppedEarly },
    perRecord,
  };
  logTestSetUse(options, config, d.protocol, d.testRecords, report.macroF1);
  return {
    results,
    history: result.history,
    timings: { trainSeconds, evaluateSeconds: (Date.now() - evalStarted) / 1000, epochSeconds: result.epochSeconds },
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
  const ci = recordBootstrap(perRecord, { seed: mixSeeds(config.seed, 7) });
  const pr = protocolReport(
    'patient-adapted',
    a.report,
    d.trainRecords,
    d.testRecords,
    [
      `Fine-tuned per test record on the labelled beats whose window ends before minute ${PATIENT_ADAPTATION.minutes} (${a.split.adapt.reduce((s, x) => s + x.length, 0)} beats) plus ${a.commonBeats} common DS1 training beats; scored on the beats from minute ${PATIENT_ADAPTATION.minutes} on (${a.report.n} beats); ${a.split.straddling} beats straddling the boundary used for neither.`,
      'The adaptation settings were fixed before any run (AAMI rule and the patient-specific literature), not tuned on DS2 or DS1.',
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
  const histories: Record<string, unknown> = {};
  const timings: Record<string, unknown> = { readSeconds };
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
    ...(histories[protocols[0]] as object),
    protocols: histories,
    timings,
  });
  writeJsonAtomic(path.join(options.outDir, 'evaluation_results.json'), results);
  progress.done(
    `wrote ${path.join(options.outDir, 'evaluation_results.json')} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  return results;
}
