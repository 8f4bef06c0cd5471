/**
 * Datasets, splits and balancing: the synthetic D1NAMO-layout cohort, MIT-BIH beat datasets,
 * seeded and patient-grouped splits, the de Chazal protocols, class weights, oversampling, mixup.
 * Public API of lib/data; other stages import from here, never from the files inside.
 */
// Synthetic cohort (ECGSYN model)
export { ecgsyn, rrFluctuation, ECGSYN_WAVES, type EcgsynWave, type EcgsynInput, type TachogramSpectrum } from './ecgsyn';
export { glucoseAt, syntheticGlucoseTrajectory, sampleGlucoseReadings, type GlucoseTrajectory, type GlucoseDip, type GlucoseReading, type SyntheticGlucoseOptions } from './synthetic-glucose';
export { generateSyntheticCohort, hypoSeverity, type SyntheticCohortOptions, type SyntheticCohortSummary, type SyntheticSubject } from './synthetic-cohort';
