import * as fs from 'fs';
import * as path from 'path';
import { isInputError } from '../common';
import { describeBackend, initBackend } from '../engine';
import { readAnnotations, readHeartbeatCsv, readRecord } from '../io';
import { readTrainedModel, predictCsv, predictRecord, type PredictedBeat, type TrainedModel } from '../train';
import { scoreAgainstReference, type ReferenceComparison } from './reference-score';

// The one module of lib/serve that runs lib/train: the server's main thread never loads tfjs,
// only the prediction workers do (through this module).

/** What /healthz says about the model being served. */
export interface ModelInfo {
  /** The model folder's name as given on the command line (its last two path parts). */
  name: string;
  protocol: string;
  classes: string[];
  labels: string;
  /** ISO time the model was written: the sidecar's trainedAt, else ecg-model.json's modification time. */
  trainedAt: string;
  engine: string;
  window: { length: number; fsHz: number; filter: string };
  /** Whether the model takes RR-interval features (then a heartbeat CSV cannot be classified). */
  rrFeatures: boolean;
  recordRelative: boolean;
}

/** One prediction request, as staged on disk by the server. */
export interface PredictJob {
  kind: 'record' | 'csv';
  /** Record path without extension, or the CSV file. */
  path: string;
  /** The name shown to the user (the record's name or the uploaded file's name). */
  name: string;
  /** Folder prefix removed from error messages (a private temp dir or the data folder). */
  hidePrefix: string;
  /** Take R peaks from the record's .atr instead of the detector (`ecg predict --annotations`). */
  useAnnotations: boolean;
  /** Compare the beats with the record's .atr reference beats. */
  score: boolean;
  /** Send the signal back for the page's strip chart. */
  includeSignal: boolean;
}

/** The worker's answer: an HTTP status and the JSON body already serialised (off the main thread). */
export interface PredictReply {
  status: number;
  body: string;
}

/** The answer of POST /api/predict. */
export interface PredictResponse {
  input: { kind: 'record' | 'csv'; name: string; fsHz?: number; samples?: number; seconds?: number; lead?: string };
  /** 'detector' or 'annotations' (where the R peaks came from), 'rows' for a CSV. */
  peaks: 'detector' | 'annotations' | 'rows';
  beats: PredictedBeat[];
  summary: PredictionSummary;
  reference?: ReferenceComparison;
  /** The signal the beats sit on, for a strip chart: beatAt[i] is beats[i]'s position in mV. */
  signal?: { fsHz: number; lead: string; mV: number[]; beatAt: number[] };
  model: ModelInfo;
  elapsedMs: number;
}

/** Per-class counts and confidences of a set of predicted beats. */
export interface PredictionSummary {
  beats: number;
  counts: Record<string, number>;
  /** Mean confidence over all beats (0 when there are none). */
  meanConfidence: number;
  meanConfidenceByClass: Record<string, number | null>;
}

/**
 * Per-class counts and mean confidences of predicted beats.
 *
 * @example summarizeBeats([{ sample: 1, class: 'N', confidence: 0.5, probabilities: {} }], ['N', 'V']).counts // => { N: 1, V: 0 }
 */
export function summarizeBeats(beats: readonly PredictedBeat[], classes: readonly string[]): PredictionSummary {
  const counts: Record<string, number> = Object.fromEntries(classes.map((c) => [c, 0]));
  const sums: Record<string, number> = Object.fromEntries(classes.map((c) => [c, 0]));
  let total = 0;
  for (const b of beats) {
    counts[b.class] = (counts[b.class] ?? 0) + 1;
    sums[b.class] = (sums[b.class] ?? 0) + b.confidence;
    total += b.confidence;
  }
  return {
    beats: beats.length,
    counts,
    meanConfidence: beats.length ? total / beats.length : 0,
    meanConfidenceByClass: Object.fromEntries(
      Object.keys(counts).map((c) => [c, counts[c] ? sums[c] / counts[c] : null]),
    ),
  };
}

/**
 * Loads a model folder written by `ecg train` on this thread's engine and describes it.
 *
 * @example const { info } = await openModel('outputs/models/final-quick/model'); info.classes // => ['N', 'S', 'V', 'F', 'Q']
 * @throws EcgInputError naming the missing or malformed file of the folder
 */
export async function openModel(dir: string): Promise<{ trained: TrainedModel; info: ModelInfo }> {
  const engine = describeBackend(await initBackend());
  const trained = await readTrainedModel(dir);
  const s = trained.sidecar as TrainedModel['sidecar'] & { trainedAt?: string };
  // The sidecar does not record when it was written (yet); the file's mtime is the next best
  // thing, as `ecg train` writes the folder once, atomically.
  const trainedAt = s.trainedAt ?? fs.statSync(path.join(dir, 'ecg-model.json')).mtime.toISOString();
  const info: ModelInfo = {
    name: dir.split(path.sep).slice(-2).join('/'),
    protocol: s.protocol,
    classes: s.classes,
    labels: s.labels,
    trainedAt,
    engine,
    window: { length: s.recipe.length, fsHz: s.recipe.fsHz, filter: s.recipe.filter },
    rrFeatures: s.recipe.rrFeatures,
    recordRelative: s.recipe.recordRelative,
  };
  return { trained, info };
}

function round(values: ArrayLike<number>, digits: number): number[] {
  const k = 10 ** digits;
  return Array.from(values, (v) => Math.round(v * k) / k);
}

/**
 * Classifies one staged record or CSV exactly as `ecg predict` does, and builds the API answer.
 *
 * @example const r = await runPredictJob(trained, info, { kind: 'record', path: 'data/mitdb/100', name: '100', hidePrefix: 'data/mitdb/', useAnnotations: false, score: true, includeSignal: false }); r.beats.length // => about 2270
 * @throws EcgInputError for unreadable input (as `ecg predict`)
 */
export async function runPredictJob(trained: TrainedModel, info: ModelInfo, job: PredictJob): Promise<PredictResponse> {
  const t0 = performance.now();
  const classes = trained.sidecar.classes;
  if (job.kind === 'csv') {
    const beats = await predictCsv(trained, job.path);
    const out: PredictResponse = {
      input: { kind: 'csv', name: job.name },
      peaks: 'rows',
      beats,
      summary: summarizeBeats(beats, classes),
      model: info,
      elapsedMs: 0,
    };
    if (job.includeSignal) {
      const csv = readHeartbeatCsv(job.path, { length: trained.sidecar.recipe.length });
      const w = trained.sidecar.recipe;
      out.signal = {
        fsHz: w.fsHz,
        lead: 'CSV rows, one beat each',
        mV: round(csv.x, 4),
        beatAt: beats.map((_, i) => i * w.length + w.beforeSamples),
      };
    }
    out.elapsedMs = Math.round(performance.now() - t0);
    return out;
  }
  const beats = await predictRecord(trained, job.path, { useAnnotations: job.useAnnotations });
  const head = readRecord(job.path, { end: 0 }).header;
  const names = head.signals.map((s) => s.description);
  const lead = Math.max(0, names.indexOf('MLII'));
  const out: PredictResponse = {
    input: {
      kind: 'record',
      name: job.name,
      fsHz: head.fsHz,
      samples: head.nSamples,
      seconds: head.nSamples / head.fsHz,
      lead: names[lead] || `signal ${lead}`,
    },
    peaks: job.useAnnotations ? 'annotations' : 'detector',
    beats,
    summary: summarizeBeats(beats, classes),
    model: info,
    elapsedMs: 0,
  };
  if (job.score) {
    const ann = readAnnotations(job.path, 'atr');
    out.reference = scoreAgainstReference(beats, ann, head.fsHz, classes, trained.sidecar.labels);
  }
  if (job.includeSignal) {
    const rec = readRecord(job.path, { channels: [lead] });
    out.signal = {
      fsHz: head.fsHz,
      lead: out.input.lead!,
      mV: round(rec.signals[0].mV, 3),
      beatAt: beats.map((b) => b.sample),
    };
  }
  out.elapsedMs = Math.round(performance.now() - t0);
  return out;
}

/**
 * Runs a job and turns the outcome into an HTTP reply: 200 with the answer, 400 with the located
 * message of bad input (the staging folder's path taken out, so it names the user's file), 500
 * only for a fault of the server itself.
 *
 * @example (await replyToJob(trained, info, job)).status // => 200
 */
export async function replyToJob(trained: TrainedModel, info: ModelInfo, job: PredictJob): Promise<PredictReply> {
  try {
    return { status: 200, body: JSON.stringify(await runPredictJob(trained, info, job)) };
  } catch (e) {
    if (isInputError(e)) {
      const message = job.hidePrefix ? e.message.split(job.hidePrefix).join('') : e.message;
      return { status: 400, body: JSON.stringify({ error: message }) };
    }
    return {
      status: 500,
      body: JSON.stringify({ error: `internal error while classifying ${job.name}: ${(e as Error).message}` }),
    };
  }
}
