import { mixSeeds } from '../models';
import {
  classCounts,
  groupSplit,
  intraPatientSplit,
  readBeatDataset,
  randomSplit,
  selectRows,
  type BeatDataset,
} from '../data';
import { DS1, DS2, PACED, listRecords } from '../io';
import { applyNormalizer, fitNormalizer, type NormParams } from '../signal';
import { EcgInputError } from '../common';
import type { BeatArrays } from './beat-arrays';
import { capPerClass } from './cap-per-class';
import { recordRelative } from './record-relative';
import { RR_FEATURE_NAMES, rrSideFeatures } from './rr-features';
import type { DataConfig, ProtocolChoice } from './train-config';

/** The normalisation a model was trained with, saved beside it and applied to new beats. */
export interface Normalization {
  beats: NormParams | null;
  /** Per-feature z-score of the side features (RR), or null without them. */
  side: NormParams | null;
  sideFeatureNames: string[];
}

/** Everything one protocol's training and evaluation need. */
export interface ProtocolData {
  protocol: ProtocolChoice;
  classes: string[];
  fsHz: number;
  /** How beats were cut (lib/data's source description). */
  window: { beforeSamples: number; afterSamples: number; bandHz: [number, number] };
  train: BeatArrays;
  validation?: BeatArrays;
  test: BeatArrays;
  normalization: Normalization;
  trainRecords: string[];
  validationRecords: string[];
  testRecords: string[];
  /** The record of each test beat (for record-level statistics). */
  testBeatRecords: string[];
  /** The R-peak sample of each test beat in its record, at the record's own rate. */
  testBeatSamples: Int32Array;
  /** lib/data's description of the split and its caveats. */
  note: string;
  /** Beats per class on each side, for the report. */
  counts: { train: Record<string, number>; validation: Record<string, number>; test: Record<string, number> };
  validationBy: 'records' | 'beats' | 'none';
}

const distinct = (record: readonly string[], rows: ArrayLike<number>) =>
  [...new Set(Array.from(rows, (i) => record[i]))].sort();

/**
 * The records a data config asks for, checked against the folder.
 *
 * @throws EcgInputError naming the config key when a listed record is not in the folder or a side ends up empty
 */
export function protocolRecords(
  data: DataConfig,
  dir: string,
  protocol: ProtocolChoice,
): { train: string[]; test: string[] } {
  const available = new Set(listRecords(dir));
  const check = (list: string[] | undefined, key: string, fallback: string[]): string[] => {
    if (list) {
      const missing = list.filter((r) => !available.has(r));
      if (missing.length)
        throw new EcgInputError(
          `records ${missing.join(', ')} are not in ${dir}`,
          { at: `data.${key}` },
          `records of ${[...available].join(' ')}`,
        );
      return list;
    }
    const present = fallback.filter((r) => available.has(r));
    if (present.length === 0)
      throw new EcgInputError(
        `none of ${fallback.join(' ')} is in ${dir}`,
        { at: `data.${key}` },
        'a folder holding MIT-BIH records (set ECG_DATA_DIR)',
      );
    return present;
  };
  if (protocol === 'inter-patient' || protocol === 'patient-adapted')
    return { train: check(data.trainRecords, 'trainRecords', DS1), test: check(data.testRecords, 'testRecords', DS2) };
  const all = check(data.records, 'records', [...DS1, ...DS2, ...(data.includePaced ? PACED : [])].sort());
  return { train: all, test: all };
}

/**
 * Reads the beats of every record the protocols need, once (lib/data's readBeatDataset).
 *
 * @example readRunBeats(config.data, 'data/mitdb', ['inter-patient']).n // => ~20000 on the subset
 */
export function readRunBeats(data: DataConfig, dir: string, protocols: ProtocolChoice[]): BeatDataset {
  const records = [...new Set(protocols.flatMap((p) => Object.values(protocolRecords(data, dir, p)).flat()))].sort();
  return readBeatDataset({
    dir,
    records,
    preset: data.preset,
    filter: data.filter,
    labels: data.labels,
  });
}

function toArrays(ds: BeatDataset, side: Float32Array | undefined, channels: number): BeatArrays {
  // `side` holds the RR side features (n × 5) when the config asks for them; x already has its channels.
  return {
    x: ds.x,
    n: ds.n,
    length: ds.length,
    channels,
    y: ds.y,
    side,
    sideFeatures: side ? side.length / Math.max(1, ds.n) : 0,
  };
}

function rows(x: Float32Array, n: number): Float32Array[] {
  const w = n ? x.length / n : 0;
  return Array.from({ length: n }, (_, i) => x.subarray(i * w, (i + 1) * w));
}

function flat(parts: Float32Array[], width: number): Float32Array {
  const out = new Float32Array(parts.length * width);
  parts.forEach((p, i) => out.set(p, i * width));
  return out;
}

/**
 * Applies a fitted normalisation to a set of beats (and side features), returning new arrays.
 *
 * @example normalizeSet(test, normalization).x // => z-scored with the training mean and sd
 */
export function normalizeSet(set: BeatArrays, norm: Normalization): BeatArrays {
  const width = set.length * set.channels;
  const x = norm.beats ? flat(applyNormalizer(norm.beats, rows(set.x, set.n)), width) : set.x;
  const side =
    set.side && norm.side ? flat(applyNormalizer(norm.side, rows(set.side, set.n)), set.sideFeatures) : set.side;
  return { ...set, x, side };
}

/**
 * Splits loaded beats for one protocol: test side by protocol (inter-patient: the test records;
 * intra-patient: a stratified random share of all beats), a validation share of the training side
 * (whole records or random beats), the per-class cap on training beats, and normalisation fitted on
 * the training beats only and applied to all three sets.
 *
 * @throws EcgInputError when a split leaves a side without beats
 */
export function prepareProtocolData(
  loaded: BeatDataset,
  data: DataConfig,
  dir: string,
  protocol: ProtocolChoice,
  seed: number,
): ProtocolData {
  // With recordRelative, every beat gets a second channel computed from its own record's beats
  // (all of them, before any split: no labels are used, so no test label reaches training).
  const channels = data.recordRelative ? 2 : 1;
  const all: BeatDataset = data.recordRelative
    ? { ...loaded, x: recordRelative(loaded.x, loaded.n, loaded.length, loaded.record) }
    : loaded;
  const records = protocolRecords(data, dir, protocol);
  let trainRows: Int32Array;
  let testRows: Int32Array;
  let note: string;
  if (protocol === 'inter-patient') {
    const tr = new Set(records.train);
    const te = new Set(records.test);
    trainRows = Int32Array.from(all.record.flatMap((r, i) => (tr.has(r) ? [i] : [])));
    testRows = Int32Array.from(all.record.flatMap((r, i) => (te.has(r) ? [i] : [])));
    const overlap = records.train.filter((r) => te.has(r));
    note =
      `Inter-patient protocol (de Chazal et al. 2004): trained on records ${records.train.join(' ')}, tested on records ${records.test.join(' ')}; ` +
      (overlap.length
        ? `records ${overlap.join(', ')} are on both sides.`
        : 'no record is on both sides (records 201 and 202 come from one subject).');
  } else {
    const inSet = new Set(records.train);
    const pool = Int32Array.from(all.record.flatMap((r, i) => (inSet.has(r) ? [i] : [])));
    const split = intraPatientSplit(
      Array.from(pool, (i) => all.record[i]),
      { testFraction: data.testFraction, seed: mixSeeds(seed, 1), y: Array.from(pool, (i) => all.y[i]) },
    );
    trainRows = Int32Array.from(split.train, (j) => pool[j]);
    testRows = Int32Array.from(split.test, (j) => pool[j]);
    note = split.note;
  }
  if (trainRows.length === 0 || testRows.length === 0) {
    throw new EcgInputError(
      `the ${protocol} split leaves ${trainRows.length} training and ${testRows.length} test beats`,
      { at: 'data' },
      'beats on both sides',
    );
  }
  // Validation: whole training records for inter-patient (when asked), else random stratified beats.
  let validationRows = new Int32Array(0);
  let validationBy: ProtocolData['validationBy'] = 'none';
  if (data.validationFraction > 0) {
    const yTrain = Array.from(trainRows, (i) => all.y[i]);
    if (data.validationBy === 'records' && protocol === 'inter-patient' && records.train.length >= 3) {
      const s = groupSplit(
        Array.from(trainRows, (i) => all.record[i]),
        { testFraction: data.validationFraction, seed: mixSeeds(seed, 2), y: yTrain },
      );
      validationRows = Int32Array.from(s.test, (j) => trainRows[j]);
      trainRows = Int32Array.from(s.train, (j) => trainRows[j]);
      validationBy = 'records';
    } else {
      const s = randomSplit(trainRows.length, {
        testFraction: data.validationFraction,
        seed: mixSeeds(seed, 2),
        stratify: yTrain,
      });
      validationRows = Int32Array.from(s.test, (j) => trainRows[j]);
      trainRows = Int32Array.from(s.train, (j) => trainRows[j]);
      validationBy = 'beats';
    }
  }
  trainRows = capPerClass(all.y, trainRows, data.maxTrainBeatsPerClass, mixSeeds(seed, 3));
  const pick = (idx: Int32Array) => selectRows(all, idx);
  const trainDs = pick(trainRows);
  const valDs = pick(validationRows);
  const testDs = pick(testRows);
  const side = (ds: BeatDataset) => (data.rrFeatures ? rrSideFeatures(ds.rr, ds.n) : undefined);
  const trainSide = side(trainDs);
  const normalization: Normalization = {
    beats: data.normalization === 'none' ? null : fitNormalizer(data.normalization, rows(trainDs.x, trainDs.n)),
    side: trainSide ? fitNormalizer('zscore', rows(trainSide, trainDs.n), { perFeature: true }) : null,
    sideFeatureNames: trainSide ? [...RR_FEATURE_NAMES] : [],
  };
  const prepared = (ds: BeatDataset) => normalizeSet(toArrays(ds, side(ds), channels), normalization);
  return {
    protocol,
    classes: [...all.classes],
    fsHz: all.fsHz,
    window: {
      beforeSamples: all.source.beforeSamples,
      afterSamples: all.source.afterSamples,
      bandHz: all.source.bandHz,
    },
    train: prepared(trainDs),
    validation: validationRows.length ? prepared(valDs) : undefined,
    test: prepared(testDs),
    normalization,
    trainRecords: distinct(all.record, trainRows),
    validationRecords: distinct(all.record, validationRows),
    testRecords: distinct(all.record, testRows),
    testBeatRecords: testDs.record,
    testBeatSamples: testDs.sample,
    note,
    counts: { train: classCounts(trainDs), validation: classCounts(valDs), test: classCounts(testDs) },
    validationBy,
  };
}
