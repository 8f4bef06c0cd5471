/**
 * MIT-BIH beats → a labelled dataset: windows cut around the reference R peaks (the beat
 * annotations of the `.atr` files), labelled by AAMI EC57 class (as in de Chazal et al. 2004),
 * normal vs abnormal, or the five MIT-BIH beat types N, A, V, L, R.
 */
import * as path from 'path';
import { EcgInputError } from '../common';
import { aamiClass, AAMI_CLASSES, isBeat, listRecords, readAnnotations, readRecord } from '../io';
import { bandpass, beatWindows, removeBaseline, resample, rrFeatures, WINDOW_PRESETS } from '../signal';

/** Label sets: AAMI N S V F Q; binary AAMI N vs the rest; MIT-BIH symbols N A V L R. */
export type BeatLabels = 'aami5' | 'binary' | 'mitbih5';

/** Class names of each label set, in class-index order. */
export const BEAT_CLASSES: Record<BeatLabels, readonly string[]> = {
  aami5: AAMI_CLASSES,
  binary: ['normal', 'abnormal'],
  mitbih5: ['N', 'A', 'V', 'L', 'R'],
};

/** Window presets of lib/signal: 187 = 62 + 125 samples, 250 = 90 + 160 samples (before R + from R on). */
export const BEAT_PRESETS = { 187: WINDOW_PRESETS.w187, 250: WINDOW_PRESETS.w250 } as const;

/** Names of the `rr` columns (lib/signal's rrFeatures, de Chazal et al. 2004), in seconds. */
export const RR_COLUMNS = ['preRrSec', 'postRrSec', 'localRrSec', 'averageRrSec'] as const;

/** Options of {@link readBeatDataset}. */
export interface BeatDatasetOptions {
  /** Folder of WFDB records (e.g. mitdbDir()). */
  dir: string;
  /** Records to use (default: every record of the folder). */
  records?: readonly string[];
  /** A window preset (lengths at the target rate); explicit before/after override it. */
  preset?: 187 | 250;
  /** Samples before the R peak and from it onwards, at the target rate. */
  beforeSamples?: number;
  afterSamples?: number;
  /** Resample records to this rate before cutting (default: the record's own rate). */
  targetFsHz?: number;
  /** 'bandpass' (0.5–40 Hz Butterworth, zero phase; default), 'baseline' (two median filters), 'none'. */
  filter?: 'bandpass' | 'baseline' | 'none';
  /** Pass band of the 'bandpass' filter (Hz). */
  bandHz?: [number, number];
  labels?: BeatLabels;
  /** Signal index or name (default: the signal named MLII, else signal 0). */
  channel?: number | string;
}

/** A beat dataset: x is n × length, row-major, with each beat's record and R-peak sample. */
export interface BeatDataset {
  x: Float32Array;
  n: number;
  length: number;
  fsHz: number;
  y: Int32Array;
  classes: string[];
  record: string[];
  /** R-peak sample of each beat in its record, at the record's own rate. */
  sample: Int32Array;
  /** n × 4 RR features (columns {@link RR_COLUMNS}, seconds) from all reference beats of the record. */
  rr: Float32Array;
  /** Beats left out: too close to a record edge, or of a type outside the label set. */
  dropped: { edge: number; unlabelled: number };
  /** How the windows were made, for the record of a dataset written to disk. */
  source: { dir: string; beforeSamples: number; afterSamples: number; filter: string; bandHz: [number, number]; labels: BeatLabels; leads: Record<string, string> };
}

/**
 * Class index of a beat mnemonic in a label set (AAMI EC57 mapping for aami5 and binary), or −1
 * when the set does not cover it.
 *
 * @example beatClass('L', 'aami5') // => 0 (L is AAMI N)
 */
export function beatClass(symbol: string, labels: BeatLabels): number {
  if (labels === 'mitbih5') return BEAT_CLASSES.mitbih5.indexOf(symbol);
  const c = aamiClass(symbol);
  if (c === undefined) return -1;
  return labels === 'binary' ? (c === 'N' ? 0 : 1) : AAMI_CLASSES.indexOf(c);
}

/**
 * Reads MIT-BIH beats: for each record, filters the chosen lead, resamples it if asked, and cuts
 * [R − before, R + after) (lib/signal's beatWindows) around every reference beat annotation whose
 * type the label set covers; beats whose window leaves the record are dropped and counted. Each
 * beat also gets its RR features (a record with one beat gets NaN).
 *
 * @throws EcgInputError for bad window sizes, an unknown channel, or unreadable records.
 * @example readBeatDataset({ dir: 'data/mitdb', records: ['100'], preset: 250, filter: 'none' }).n // => 2272
 */
export function readBeatDataset(options: BeatDatasetOptions): BeatDataset {
  const preset = options.preset !== undefined ? BEAT_PRESETS[options.preset] : undefined;
  if (options.preset !== undefined && !preset) throw new EcgInputError(`preset ${options.preset}`, { at: 'options.preset' }, '187 or 250');
  const before = options.beforeSamples ?? preset?.before;
  const after = options.afterSamples ?? preset?.after;
  if (!(Number.isInteger(before) && before! >= 0 && Number.isInteger(after) && after! >= 1)) {
    throw new EcgInputError(`window ${before} + ${after}`, { at: 'options.beforeSamples/afterSamples' }, 'integers before ≥ 0 and after ≥ 1 (or a preset)');
  }
  const length = before! + after!;
  const targetFsHz = options.targetFsHz;
  const filter = options.filter ?? 'bandpass';
  const bandHz = options.bandHz ?? [0.5, 40];
  const labels = options.labels ?? 'aami5';
  if (!(labels in BEAT_CLASSES)) throw new EcgInputError(`labels "${labels}"`, { at: 'options.labels' }, 'aami5, binary or mitbih5');
  const records = options.records ?? listRecords(options.dir);
  const chunks: Float32Array[] = [];
  const y: number[] = [];
  const record: string[] = [];
  const sample: number[] = [];
  const rrRows: number[][] = [];
  const dropped = { edge: 0, unlabelled: 0 };
  const leads: Record<string, string> = {};
  let fsHz = 0;
  for (const name of records) {
    const base = path.join(options.dir, name);
    const head = readRecord(base, { end: 0 });
    const names = head.header.signals.map((s) => s.description);
    let ch: number;
    if (typeof options.channel === 'number') ch = options.channel;
    else if (options.channel !== undefined) ch = names.indexOf(options.channel);
    else ch = Math.max(0, names.indexOf('MLII'));
    if (ch < 0 || ch >= names.length) {
      throw new EcgInputError(`no signal ${JSON.stringify(options.channel)}`, { file: `${base}.hea`, at: 'options.channel' }, `an index 0..${names.length - 1} or one of ${names.join(', ')}`);
    }
    const rec = readRecord(base, { channels: [ch] });
    leads[name] = rec.signals[0].name;
    let sig: Float32Array = rec.signals[0].mV;
    if (filter === 'bandpass') sig = bandpass(sig, rec.fsHz, bandHz[0], bandHz[1]);
    else if (filter === 'baseline') sig = removeBaseline(sig, rec.fsHz);
    const outHz = targetFsHz ?? rec.fsHz;
    if (outHz !== rec.fsHz) sig = resample(sig, rec.fsHz, outHz);
    if (fsHz === 0) fsHz = outHz;
    else if (fsHz !== outHz) throw new EcgInputError(`rate ${outHz} Hz after ${fsHz} Hz`, { file: `${base}.hea` }, 'records of one rate, or options.targetFsHz');
    const ann = readAnnotations(base, 'atr');
    const beats: number[] = [];
    const labelled: number[] = [];
    const cls: number[] = [];
    for (let i = 0; i < ann.samples.length; i++) {
      if (!isBeat(ann.symbols[i])) continue;
      const c = beatClass(ann.symbols[i], labels);
      beats.push(ann.samples[i]);
      if (c < 0) {
        dropped.unlabelled++;
        continue;
      }
      labelled.push(beats.length - 1);
      cls.push(c);
    }
    const at = Int32Array.from(labelled, (b) => Math.round((beats[b] * outHz) / rec.fsHz));
    const { windows, peakIndex } = beatWindows(sig, at, { before: before!, after: after! });
    dropped.edge += labelled.length - windows.length;
    const rrAll = beats.length >= 2 ? rrFeatures(Int32Array.from(beats), rec.fsHz) : undefined;
    windows.forEach((w, j) => {
      const k = peakIndex[j];
      const b = labelled[k];
      chunks.push(w);
      y.push(cls[k]);
      record.push(name);
      sample.push(beats[b]);
      rrRows.push(rrAll ? [rrAll.preRrSec[b], rrAll.postRrSec[b], rrAll.localRrSec[b], rrAll.averageRrSec[b]] : [NaN, NaN, NaN, NaN]);
    });
  }
  const x = new Float32Array(chunks.length * length);
  chunks.forEach((c, i) => x.set(c, i * length));
  const rr = new Float32Array(rrRows.length * RR_COLUMNS.length);
  rrRows.forEach((r, i) => rr.set(r, i * RR_COLUMNS.length));
  return {
    x,
    n: chunks.length,
    length,
    fsHz,
    y: Int32Array.from(y),
    classes: [...BEAT_CLASSES[labels]],
    record,
    sample: Int32Array.from(sample),
    rr,
    dropped,
    source: { dir: options.dir, beforeSamples: before!, afterSamples: after!, filter, bandHz, labels, leads },
  };
}

/**
 * Beats per class of a dataset, keyed by class name.
 *
 * @example classCounts({ y: Int32Array.of(0, 0, 2), classes: ['N', 'S', 'V'] }) // => { N: 2, S: 0, V: 1 }
 */
export function classCounts(ds: { y: ArrayLike<number>; classes: readonly string[] }): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(ds.classes.map((c) => [c, 0]));
  for (let i = 0; i < ds.y.length; i++) out[ds.classes[ds.y[i]]]++;
  return out;
}
