/** Evaluation: confusion matrix, per-class and averaged metrics, ROC/PR curves, AAMI and protocol reports, k-fold CV. */
export { confusionMatrix, predictClasses } from './confusionMatrix';
export { matrixMetrics, type ClassMetrics, type AveragedMetrics, type MatrixMetrics } from './classMetrics';
export { rocCurve, cumulativeCounts, type RocCurve } from './rocCurve';
export { precisionRecallCurve, type PrCurve } from './precisionRecallCurve';
export { thinCurve } from './thinCurve';
export {
  evaluateClassifier,
  type ClassificationReport,
  type AreaSummary,
  type CurvePoints,
  type EvaluateOptions,
} from './evaluateClassifier';
export { aamiReport, DE_CHAZAL_2004, type AamiReport, type SePpv } from './aamiReport';
export { protocolReport, type ProtocolReport, type ProtocolName } from './protocolReport';
export { crossValidate, meanSd, type FoldIndices, type CrossValidationResult, type MeanSd } from './crossValidate';
