/**
 * The two evaluation protocols of MIT-BIH arrhythmia work (de Chazal, O'Dwyer & Reilly 2004,
 * IEEE TBME 51:1196): inter-patient (train on the DS1 records, test on DS2) and intra-patient
 * (beats pooled and split at random), as descriptors that carry their caveats with them.
 */
import { DS1, DS2 } from '../io';
import { randomSplit } from './random-split';
import { indicesWhere } from './split-checks';

/** A protocol's split of beats into train and test, with the note a report must show. */
export interface ProtocolSplit {
  protocol: 'inter-patient' | 'intra-patient';
  note: string;
  train: Int32Array;
  test: Int32Array;
  trainRecords: string[];
  testRecords: string[];
}

const distinct = (record: readonly string[], idx: Int32Array): string[] => [...new Set(Array.from(idx, (i) => record[i]))].sort();

/** Options of {@link interPatientSplit}: other records than DS1 and DS2 on each side. */
export interface InterPatientOptions {
  trainRecords?: readonly string[];
  testRecords?: readonly string[];
}

/**
 * The de Chazal et al. 2004 inter-patient split: beats of DS1 records train, beats of DS2 records
 * test; beats of other records (the paced 102, 104, 107, 217, or non-MIT-BIH names) are left out.
 * With `trainRecords` / `testRecords`, those records instead (e.g. folds of DS1 patients); the
 * note then lists them and any record on both sides.
 *
 * @example interPatientSplit(['101', '100', '102']).test // => Int32Array [1]
 */
export function interPatientSplit(record: readonly string[], options: InterPatientOptions = {}): ProtocolSplit {
  if (options.trainRecords || options.testRecords) {
    const trainSet = new Set(options.trainRecords ?? DS1);
    const testSet = new Set(options.testRecords ?? DS2);
    const train = indicesWhere(record.length, (i) => trainSet.has(record[i]));
    const test = indicesWhere(record.length, (i) => testSet.has(record[i]));
    const trainList = [...trainSet];
    const overlap = trainList.filter((r) => testSet.has(r));
    const note =
      `Inter-patient protocol (de Chazal et al. 2004): trained on records ${trainList.join(' ')}, tested on records ${[...testSet].join(' ')}; ` +
      (overlap.length
        ? `records ${overlap.join(', ')} are on both sides.`
        : 'no record is on both sides (records 201 and 202 come from one subject).');
    return {
      protocol: 'inter-patient',
      note,
      train,
      test,
      trainRecords: distinct(record, train),
      testRecords: distinct(record, test),
    };
  }
  const ds1 = new Set<string>(DS1);
  const ds2 = new Set<string>(DS2);
  const train = indicesWhere(record.length, (i) => ds1.has(record[i]));
  const test = indicesWhere(record.length, (i) => ds2.has(record[i]));
  const trainRecords = distinct(record, train);
  const testRecords = distinct(record, test);
  const left = [...new Set(record.filter((r) => !ds1.has(r) && !ds2.has(r)))].sort();
  const parts = [
    `Inter-patient protocol (de Chazal et al. 2004): trained on DS1 records, tested on DS2 records, so test patients are unseen in training.`,
    `This data holds ${trainRecords.length} of ${DS1.length} DS1 and ${testRecords.length} of ${DS2.length} DS2 records.`,
    `Records 201 (DS1) and 202 (DS2) come from the same subject (MIT-BIH directory), the protocol's one known overlap.`,
  ];
  if (left.length > 0) parts.push(`Beats of records ${left.join(', ')} (paced or outside DS1/DS2) are in neither set.`);
  return { protocol: 'inter-patient', note: parts.join(' '), train, test, trainRecords, testRecords };
}

/** Options of {@link intraPatientSplit}. */
export interface IntraPatientOptions {
  testFraction: number;
  seed: number;
  /** Class of each beat, to stratify the random split. */
  y?: ArrayLike<number>;
  /** Pool only the beats of these records (default: all beats). */
  records?: readonly string[];
}

/**
 * The intra-patient protocol: all beats pooled and split at random (stratified by class when `y` is
 * given). Its note states that beats of one patient sit on both sides, which is why its figures
 * (often 98–99%) overstate performance on new patients.
 *
 * @example intraPatientSplit(['100', '100', '101', '101'], { testFraction: 0.5, seed: 1 }).protocol // => 'intra-patient'
 */
export function intraPatientSplit(record: readonly string[], options: IntraPatientOptions): ProtocolSplit {
  if (options.records) {
    // Split the pooled beats of the chosen records, then map the positions back to all beats.
    const inSet = new Set(options.records);
    const pool = indicesWhere(record.length, (i) => inSet.has(record[i]));
    const y = options.y;
    const s = intraPatientSplit(
      Array.from(pool, (i) => record[i]),
      { testFraction: options.testFraction, seed: options.seed, y: y && Array.from(pool, (i) => y[i]) },
    );
    return { ...s, train: Int32Array.from(s.train, (j) => pool[j]), test: Int32Array.from(s.test, (j) => pool[j]) };
  }
  const { train, test } = randomSplit(record.length, { testFraction: options.testFraction, seed: options.seed, stratify: options.y });
  const trainRecords = distinct(record, train);
  const testRecords = distinct(record, test);
  const shared = testRecords.filter((r) => trainRecords.includes(r));
  const note =
    `Intra-patient protocol: beats split at random (seed ${options.seed}, test fraction ${options.testFraction}). ` +
    `Beats of one patient sit on both sides of the split (${shared.length} of ${testRecords.length} test records also train), ` +
    `so the classifier has seen every test patient: these figures are optimistic and do not measure performance on new patients; compare the inter-patient protocol.`;
  return { protocol: 'intra-patient', note, train, test, trainRecords, testRecords };
}
