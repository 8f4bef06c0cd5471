/**
 * Data layer: WFDB records (headers, signal formats 212/16/80/61/8/310/311, annotations),
 * MIT-BIH record lists and AAMI classes, PhysioNet downloads, CSV and cohort loaders.
 * Public API of lib/io; other stages import from here, never from the files inside.
 */
// WFDB records and annotations, MIT-BIH lists (lib/io WFDB part)
export { parseHeader, WFDB_FORMATS, type WfdbHeader, type WfdbSignalSpec } from './parse-header';
export { readRecord, type EcgRecord, type EcgSignal, type ReadRecordOptions } from './read-record';
export {
  decodeSamples,
  bytesForSamples,
  samplesInBytes,
  formatGroup,
  invalidSampleValue,
  READABLE_FORMATS,
} from './signal-formats';
export { readAnnotations, parseAnnotations, rhythmIntervals, type Annotations } from './read-annotations';
export { annotationSymbol, annotationDescription, annotationCode, ACMAX, RHYTHM } from './annotation-codes';
export {
  MITDB_RECORDS,
  SUBSET_RECORDS,
  DS1,
  DS2,
  PACED,
  AAMI_CLASSES,
  aamiClass,
  isBeat,
  listRecords,
  type AamiClass,
} from './mitdb';
export {
  fetchVerified,
  parseSha256Sums,
  sha256File,
  type FetchVerifiedOptions,
  type FetchVerifiedResult,
  type Sha256Entry,
} from './fetch-verified';
// D1NAMO-layout cohorts and heartbeat CSVs (lib/io dataset part)
export {
  parseD1namoEcgTime,
  parseD1namoGlucoseTime,
  formatD1namoEcgTime,
  formatD1namoGlucoseTime,
} from './d1namo-time';
export {
  readD1namoEcgCsv,
  parseD1namoEcgCsv,
  readD1namoGlucoseCsv,
  parseD1namoGlucoseCsv,
  D1NAMO_ECG_HEADER,
  type D1namoEcgCsv,
  type D1namoGlucoseCsv,
} from './d1namo-csv';
export { listD1namoSubjects, readD1namoSubject, isSyntheticCohort, type D1namoSubjectFiles } from './d1namo';
export { d1namoGlucoseTable, d1namoEcgTable } from './d1namo-tables';
export {
  readHeartbeatCsv,
  parseHeartbeatCsv,
  formatHeartbeatCsvRows,
  formatE18,
  heartbeatCsvFrame,
  heartbeatCsvSummary,
  HEARTBEAT_CSV_HZ,
  HEARTBEAT_CSV_LENGTH,
  type HeartbeatCsv,
} from './heartbeat-csv';
