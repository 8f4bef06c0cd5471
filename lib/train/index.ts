/** Training: seeded deterministic loop, weighted loss, schedules, checkpoints, configs and presets. */
export { trainModel, type TrainOptions, type TrainResult } from './train-model';
export { trainStep } from './train-step';
export {
  gatherBatch,
  batchInputs,
  predictProbabilities,
  BEAT_ARRAYS_ROW_FIELDS,
  type BeatArrays,
  type Batch,
} from './beat-arrays';
export { weightedCrossEntropy, crossEntropy } from './weighted-loss';
export { learningRateAt, type LrSchedule } from './learning-rate';
export { MONITORS, monitoredValue, type EpochEntry, type Monitor } from './history';
export { consoleProgress, silentProgress, formatEpoch, type ProgressReporter } from './progress';
export { writeModelDir, readModelDir, checkModelDir, MODEL_FILES } from './model-files';
export {
  resolveTrainConfig,
  readTrainConfig,
  configForProtocol,
  decisionWeightList,
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
  type ProtocolDataSummary,
  type ProtocolTimings,
  type ProtocolHistory,
  type RunTimings,
  type AdaptedDataSummary,
} from './run-training';
export { prepareProtocolData, readRunBeats, protocolRecords, type ProtocolData } from './prepare-data';
export { capPerClass } from './cap-per-class';
export { mixupBatch } from './mixup-batch';
export { describeVersions, upgradeSidecar, SIDECAR_FORMAT_VERSION, type ModelSidecar } from './sidecar';
export {
  readTrainedModel,
  recordInputs,
  predictRecord,
  predictCsv,
  toPredictedBeats,
  type PredictedBeat,
  type TrainedModel,
  type RecordInputs,
} from './predict-beats';
export { evaluateModel, type RecordsEvaluation } from './evaluate-model';
export { fitAndEvaluate, fitModelConfig, type FitEvaluateOptions, type FitEvaluateResult } from './fit-and-evaluate';
export {
  crossValidateRecords,
  decisionWeightsAcrossFolds,
  type RecordFold,
  type RecordCrossValidation,
} from './cross-validate-records';
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
export { studyTableRows, type StudyTableRow } from './study-table';
