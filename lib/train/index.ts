/** Training: seeded deterministic loop, weighted loss, schedules, checkpoints, configs and presets. */
export { trainModel, type TrainOptions, type TrainResult } from './trainModel';
export { trainStep } from './trainStep';
export { gatherBatch, batchInputs, predictProbabilities, type BeatArrays, type Batch } from './beatArrays';
export { weightedCrossEntropy, crossEntropy } from './weightedLoss';
export { learningRateAt, type LrSchedule } from './learningRate';
export { MONITORS, monitoredValue, type EpochEntry, type Monitor } from './history';
export { consoleProgress, silentProgress, formatEpoch, type ProgressReporter } from './progress';
export { saveModelDir, loadModelDir, checkModelDir, MODEL_FILES } from './modelFiles';
export { rrSideFeatures, RR_FEATURE_NAMES } from './rrFeatures';
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
} from './trainConfig';
export { presetConfig, PRESETS } from './presets';
export { runTraining, type RunOptions, type EvaluationResults, type ProtocolResults } from './runTraining';
export { prepareProtocolData, loadRunBeats, normalizeSet, protocolRecords, type ProtocolData, type Normalization } from './prepareData';
export { capPerClass } from './capPerClass';
export { mixupBatch } from './mixupBatch';
export { describeVersions, type ModelSidecar } from './sidecar';
export { loadTrainedModel, predictRecord, predictCsv, toPredictedBeats, type PredictedBeat, type TrainedModel } from './predictBeats';
export { evaluateModel, type RecordsEvaluation } from './evaluateModel';
export { fitAndEvaluate, type FitEvaluateOptions, type FitEvaluateResult } from './fitAndEvaluate';
export { crossValidateRecords, type RecordFold, type RecordCrossValidation } from './crossValidateRecords';
export { medianBeat, recordRelative } from './recordRelative';
