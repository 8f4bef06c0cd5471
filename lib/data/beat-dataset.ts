/**
 * MIT-BIH beats → a labelled dataset: windows cut around the reference R peaks (the beat
 * annotations of the `.atr` files), labelled by AAMI EC57 class (as in de Chazal et al. 2004),
 * normal vs abnormal, or the five MIT-BIH beat types N, A, V, L, R.
 */
import * as path from 'path';
import { EcgInputError } from '../common';
import { aamiClass, AAMI_CLASSES, isBeat, listRecords, readAnnotations, readRecord } from '../io';
import { WINDOW_PRESETS } from '../signal';
import { cutRecordBeats, leadIndex, RR_COLUMNS } from './beat-recipe';

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

/** The per-row fields of a {@link BeatDataset}, for lib/data's selectRows. */
export const BEAT_ROW_FIELDS = ['x', 'y', 'record', 'sample', 'rr'] as const;

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
 * [R − before, R + after) around every reference beat annotation whose type the label set covers
 * (the beat recipe's cutRecordBeats, which inference uses too); beats whose window leaves the
 * record are dropped and counted. Each beat also gets its RR features from all the record's
 * beats (a record with one beat gets NaN).
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
  const rrChunks: Float32Array[] = [];
  const y: number[] = [];
  const record: string[] = [];
  const sample: number[] = [];
  const dropped = { edge: 0, unlabelled: 0 };
  const leads: Record<string, string> = {};
  let fsHz = 0;
  for (const name of records) {
    const base = path.join(options.dir, name);
    const head = readRecord(base, { end: 0 });
    const names = head.header.signals.map((s) => s.description);
    const ch = leadIndex(names, options.channel, { file: `${base}.hea`, at: 'options.channel' });
    const rec = readRecord(base, { channels: [ch] });
    leads[name] = rec.signals[0].name;
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
    const cut = cutRecordBeats(
      rec.signals[0].mV,
      rec.fsHz,
      Int32Array.from(beats),
      { beforeSamples: before!, afterSamples: after!, fsHz: targetFsHz, filter, bandHz },
      labelled,
    );
    if (fsHz === 0) fsHz = cut.fsHz;
    else if (fsHz !== cut.fsHz)
      throw new EcgInputError(
        `rate ${cut.fsHz} Hz after ${fsHz} Hz`,
        { file: `${base}.hea` },
        'records of one rate, or options.targetFsHz',
      );
    dropped.edge += labelled.length - cut.n;
    chunks.push(cut.x);
    rrChunks.push(cut.rr);
    const classOf = new Map(labelled.map((b, k) => [b, cls[k]]));
    for (const b of cut.beat) {
      y.push(classOf.get(b)!);
      record.push(name);
      sample.push(beats[b]);
    }
  }
  const n = record.length;
  const x = new Float32Array(n * length);
  const rr = new Float32Array(n * RR_COLUMNS.length);
  let at = 0;
  chunks.forEach((c, i) => {
    x.set(c, at * length);
    rr.set(rrChunks[i], at * RR_COLUMNS.length);
    at += c.length / length;
  });
  return {
    x,
    n,
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
