/** Signal processing: Butterworth/notch filters, zero-phase filtering, baseline removal, resampling. */
export { type Samples, assertFinite } from './samples';
export { type Sos, sosfilt, sosfiltZi, sosResponse, sectionCount } from './sos';
export { butter, type BandKind } from './butter';
export { filtfilt, defaultPadlen, type FiltfiltOptions } from './filtfilt';
export {
  filterResponse,
  zeroPhaseResponse,
  filterResponses,
  type FilterResponse,
  type FilterResponses,
} from './filter-response';
export { lowpass } from './lowpass';
export { highpass } from './highpass';
export { bandpass } from './bandpass';
export { notch, notchSos } from './notch';
export { medianFilter } from './median-filter';
export { removeBaseline, oddWidth } from './remove-baseline';
export { resample, resampleRatio } from './resample';
export {
  fivePointDerivative,
  movingWindowEnergy,
  localMaxima,
  dominantMaxima,
  describeCandidates,
  type QrsCandidates,
} from './qrs-transforms';
export { panTompkins, isConstant } from './pan-tompkins';
export { detectRPeaks, refineToExtremum, type DetectOptions } from './detect-r-peaks';
export { beatWindows, splitWindows, WINDOW_PRESETS, type WindowSpec } from './beat-windows';
export { heartbeatCsvBeats } from './heartbeat-csv-beats';
export { fitNormalizer, applyNormalizer, type NormParams, type FitOptions } from './normalize';
export { rrFeatures, type RrFeatures } from './rr-features';
export { flutterEpisodes, type FlutterOptions } from './flutter-episodes';
export { vfFilterLeakage, thresholdCrossingFraction, type VfLeakage } from './vf-features';
