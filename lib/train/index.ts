/** Training: seeded deterministic loop, weighted loss, schedules, checkpoints, configs and presets. */
export { trainModel, type TrainOptions, type TrainResult } from './train-model';
export { trainStep } from './train-step';
export { gatherBatch, batchInputs, predictProbabilities, type BeatArrays, type Batch } from './beat-arrays';
export { weightedCrossEntropy, crossEntropy } from './weighted-loss';
export { learningRateAt, type LrSchedule } from './learning-rate';
export { MONITORS, monitoredValue, type EpochEntry, type Monitor } from './history';
export { consoleProgress, silentProgress, formatEpoch, type ProgressReporter } from './progress';
export { writeModelDir, readModelDir, checkModelDir, MODEL_FILES } from './model-files';
export { rrSideFeatures, RR_FEATURE_NAMES } from './rr-features';
export {
  resolveTrainConfig,
  readTrainConfig,
  configForProtocol,
  OVERRIDABLE_DATA_KEYS,
  TRAIN_CONFIG_SPEC,
  DEFAULT_TRAIN_CONFIG,
  type TrainConfig,
  type DataConfig,
  type TrainingConfig,
  type ProtocolChoice,
  type ProtocolOverride,
} from './train-config';
export { presetConfig, PRESETS } from './presets';
export {
  runTraining,
  defaultTestSetLog,
  type RunOptions,
  type EvaluationResults,
  type ProtocolResults,
} from './run-training';
export {
  prepareProtocolData,
  readRunBeats,
  normalizeSet,
  protocolRecords,
  type ProtocolData,
  type Normalization,
} from './prepare-data';
export { capPerClass } from './cap-per-class';
export { mixupBatch } from './mixup-batch';
export { describeVersions, type ModelSidecar } from './sidecar';
export {
  readTrainedModel,
  predictRecord,
  predictCsv,
  toPredictedBeats,
  type PredictedBeat,
  type TrainedModel,
} from './predict-beats';
export { evaluateModel, type RecordsEvaluation } from './evaluate-model';
export { fitAndEvaluate, type FitEvaluateOptions, type FitEvaluateResult } from './fit-and-evaluate';
export { crossValidateRecords, type RecordFold, type RecordCrossValidation } from './cross-validate-records';
export { medianBeat, recordRelative } from './record-relative';
export {
  adaptToPatients,
  adaptationSplit,
  PATIENT_ADAPTATION,
  type AdaptationSplit,
  type PatientAdaptation,
} from './patient-adapted';
export {
  checkStudyPreset,
  listStudyPresets,
  provenanceKeys,
  readStudyPreset,
  resolveStudyRun,
  studyPresetDir,
  STUDY_METRICS,
  STUDY_SPLITS,
  type Provenance,
  type StudyBudget,
  type StudyDataSpec,
  type StudyPreset,
  type StudyRunConfig,
  type StudySplit,
  type StudySplitName,
  type StudyTraining,
} from './study-preset';
export {
  readStudyExamples,
  runStudy,
  splitStudyExamples,
  studyMetrics,
  type RunStudyOptions,
  type StudyExamples,
  type StudyModelResult,
  type StudyRunResult,
  type StudySplitRows,
} from './run-study';
