/** Evaluation: confusion matrix, per-class and averaged metrics, ROC/PR curves and their areas, AAMI and protocol reports, k-fold CV, beat-by-beat scoring of R-peak detectors. */
export { confusionMatrix, predictClasses } from './confusion-matrix';
export { matrixMetrics, type ClassMetrics, type AveragedMetrics, type MatrixMetrics } from './class-metrics';
export { rocCurve, cumulativeCounts, type RocCurve } from './roc-curve';
export { precisionRecallCurve, type PrCurve } from './precision-recall-curve';
export { thinCurve } from './thin-curve';
export { trapezoidAuc, stepAveragePrecision } from './curve-area';
export {
  evaluateClassifier,
  type ClassificationReport,
  type AreaSummary,
  type CurvePoints,
  type EvaluateOptions,
} from './evaluate-classifier';
export { aamiReport, DE_CHAZAL_2004, type AamiReport, type SePpv } from './aami-report';
export { protocolReport, type ProtocolReport, type ProtocolName } from './protocol-report';
export { crossValidate, type FoldIndices, type CrossValidationResult } from './cross-validate';
export {
  recordConfusions,
  recordBootstrap,
  pooledMatrix,
  figureOf,
  percentileInterval,
  type RecordConfusions,
  type RecordBootstrap,
  type BootstrapOptions,
  type Interval,
  type PooledFigure,
} from './record-bootstrap';
export { weightedArgmax, chooseDecisionWeights, DECISION_WEIGHT_GRID, type DecisionWeights } from './decision-weights';
export { pairedRecordTest, type PairedComparison } from './paired-record-test';
export { appendTestSetUse, readTestSetLog, configHash, type TestSetUse } from './test-set-log';
export {
  scoreBeats,
  grossScore,
  scoreFromCounts,
  referenceBeats,
  vfEpisodes,
  type BeatScore,
  type ScoreOptions,
} from './score-beats';
export {
  scoreDetector,
  type RPeakDetector,
  type DetectorScore,
  type DetectorRecordScore,
  type ScoreDetectorOptions,
} from './score-detector';
export { perRecordRows, worstRecords, type PerRecordRow } from './per-record-table';
export { detectorScoreFrame, type DetectorScoreFrameOptions } from './detector-score-frame';
export { PUBLISHED_INTER_PATIENT, PUBLISHED_PATIENT_SPECIFIC, type PublishedResult } from './published-results';
export {
  protocolSummaryRows,
  protocolIntervalPoints,
  type ProtocolSummaryInput,
  type ProtocolSummaryRow,
} from './protocol-table';
