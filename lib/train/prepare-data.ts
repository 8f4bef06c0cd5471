import {
  beatInputs,
  classCounts,
  fitBeatNormalization,
  groupSplit,
  interPatientSplit,
  intraPatientSplit,
  normalizeInputs,
  randomSplit,
  readBeatDataset,
  selectRows,
  type BeatDataset,
  type BeatNormalization,
  type BeatRecipe,
} from '../data';
import { DS1, DS2, PACED, listRecords } from '../io';
import { EcgInputError, seedStreams } from '../common';
import { BEAT_ARRAYS_ROW_FIELDS, type BeatArrays } from './beat-arrays';
import { capPerClass } from './cap-per-class';
import type { DataConfig, ProtocolChoice } from './train-config';

/** Everything one protocol's training and evaluation need. */
export interface ProtocolData {
  protocol: ProtocolChoice;
  classes: string[];
  fsHz: number;
  /** How beats became the model's inputs (lib/data's beat recipe), for the model's sidecar. */
  recipe: BeatRecipe;
  train: BeatArrays;
  validation?: BeatArrays;
  test: BeatArrays;
  normalization: BeatNormalization;
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
  return readBeatDataset({ dir, records, preset: data.preset, filter: data.filter, labels: data.labels });
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
  const seeds = seedStreams(seed);
  // The model's inputs for every beat before any split (lib/data's beat recipe, as inference builds
  // them): the record-relative channel uses each record's own beats, no labels, so no test label
  // reaches training.
  const all: BeatArrays = { ...beatInputs(loaded, data), y: loaded.y };
  const records = protocolRecords(data, dir, protocol);
  const split =
    protocol === 'inter-patient'
      ? interPatientSplit(loaded.record, { trainRecords: records.train, testRecords: records.test })
      : intraPatientSplit(loaded.record, {
          testFraction: data.testFraction,
          seed: seeds.for('split'),
          y: loaded.y,
          records: records.train,
        });
  let trainRows = split.train;
  const testRows = split.test;
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
    const yTrain = Array.from(trainRows, (i) => loaded.y[i]);
    if (data.validationBy === 'records' && protocol === 'inter-patient' && records.train.length >= 3) {
      const s = groupSplit(
        Array.from(trainRows, (i) => loaded.record[i]),
        { testFraction: data.validationFraction, seed: seeds.for('validation'), y: yTrain },
      );
      validationRows = Int32Array.from(s.test, (j) => trainRows[j]);
      trainRows = Int32Array.from(s.train, (j) => trainRows[j]);
      validationBy = 'records';
    } else {
      const s = randomSplit(trainRows.length, {
        testFraction: data.validationFraction,
        seed: seeds.for('validation'),
        stratify: yTrain,
      });
      validationRows = Int32Array.from(s.test, (j) => trainRows[j]);
      trainRows = Int32Array.from(s.train, (j) => trainRows[j]);
      validationBy = 'beats';
    }
  }
  trainRows = capPerClass(loaded.y, trainRows, data.maxTrainBeatsPerClass, seeds.for('cap'));
  const pick = (rows: Int32Array) => selectRows(all, rows, BEAT_ARRAYS_ROW_FIELDS);
  const counts = (rows: Int32Array) =>
    classCounts({ y: Array.from(rows, (i) => loaded.y[i]), classes: loaded.classes });
  const train = pick(trainRows);
  const normalization = fitBeatNormalization(train, data.normalization);
  const src = loaded.source;
  return {
    protocol,
    classes: [...loaded.classes],
    fsHz: loaded.fsHz,
    recipe: {
      preset: data.preset,
      length: loaded.length,
      beforeSamples: src.beforeSamples,
      afterSamples: src.afterSamples,
      fsHz: loaded.fsHz,
      filter: data.filter,
      bandHz: src.bandHz,
      recordRelative: data.recordRelative,
      rrFeatures: data.rrFeatures,
    },
    train: normalizeInputs(train, normalization),
    validation: validationRows.length ? normalizeInputs(pick(validationRows), normalization) : undefined,
    test: normalizeInputs(pick(testRows), normalization),
    normalization,
    trainRecords: distinct(loaded.record, trainRows),
    validationRecords: distinct(loaded.record, validationRows),
    testRecords: distinct(loaded.record, testRows),
    testBeatRecords: Array.from(testRows, (i) => loaded.record[i]),
    testBeatSamples: Int32Array.from(testRows, (i) => loaded.sample[i]),
    note: split.note,
    counts: { train: counts(trainRows), validation: counts(validationRows), test: counts(testRows) },
    validationBy,
  };
}
