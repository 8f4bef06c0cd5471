/**
 * Datasets, splits and balancing: the synthetic D1NAMO-layout cohort, MIT-BIH beat datasets,
 * seeded and patient-grouped splits, the de Chazal protocols, class weights, oversampling, mixup.
 * Public API of lib/data; other stages import from here, never from the files inside.
 */
// Synthetic cohort (ECGSYN model)
export { ecgsyn, rrFluctuation, ECGSYN_WAVES, type EcgsynWave, type EcgsynInput, type TachogramSpectrum } from './ecgsyn';
export { glucoseAt, syntheticGlucoseTrajectory, sampleGlucoseReadings, type GlucoseTrajectory, type GlucoseDip, type GlucoseReading, type SyntheticGlucoseOptions } from './synthetic-glucose';
export { generateSyntheticCohort, hypoSeverity, type SyntheticCohortOptions, type SyntheticCohortSummary, type SyntheticSubject } from './synthetic-cohort';
// D1NAMO-layout cohorts (real or synthetic) cut into labelled 10-s segments
export { segmentD1namoCohort, segmentD1namoSubject, interpolateGlucose, segmentSignalQuality, type D1namoSegments, type D1namoSegmentOptions, type D1namoDropped } from './d1namo-segments';
// Splits: seeded, patient-grouped, k-fold, the de Chazal protocols
export { randomSplit, type RandomSplitOptions, type TrainTest } from './random-split';
export { groupSplit, indexGroups, type GroupSplit, type GroupSplitOptions, type GroupIndex } from './group-split';
export { stratifiedGroupKFold, type GroupFold, type GroupKFoldOptions } from './stratified-group-k-fold';
export {
  interPatientSplit,
  intraPatientSplit,
  type ProtocolSplit,
  type InterPatientOptions,
  type IntraPatientOptions,
} from './protocol-split';
export { selectRows } from './select-rows';
// Balancing (training split only)
export { classWeights, sampleWeights } from './class-weights';
export { randomOversample, type LabelledRows, type OversampledRows } from './oversample';
export { mixup, sampleBeta, sampleGamma, type MixupOptions, type MixedRows } from './mixup';
// MIT-BIH beat datasets and processed-dataset files
export { readBeatDataset, beatClass, classCounts, BEAT_CLASSES, BEAT_PRESETS, BEAT_ROW_FIELDS, type BeatDataset, type BeatDatasetOptions, type BeatLabels } from './beat-dataset';
// The beat recipe: record → model inputs, shared by training and inference
export {
  cutRecordBeats,
  beatInputs,
  fitBeatNormalization,
  normalizeInputs,
  leadIndex,
  RR_COLUMNS,
  type BeatRecipe,
  type BeatWindowRecipe,
  type BeatInputs,
  type BeatNormalization,
  type RecordBeats,
} from './beat-recipe';
export { rrSideFeatures, RR_FEATURE_NAMES } from './rr-side-features';
export { medianBeat, recordRelative } from './record-relative';
export { writeDataset, readDataset } from './dataset-file';
export { writeHeartbeatCsv, heartbeatCsvBeatsOfRecord, type HeartbeatCsvOptions, type HeartbeatRows } from './write-heartbeat-csv';
// Looking at data
export { beatTable, type BeatTableOptions } from './beat-table';
export { segmentTable } from './segment-table';
export { beatsOfClass } from './beats-of-class';
