/** Shared building blocks: error catalogue, seeded randomness, statistics, atomic writes, data locations. */
export { EcgInputError, formatInputError, isInputError, type Place } from './errors';
export { createRng, shuffledIndices, mixSeeds, seedStreams, SEED_STREAMS, type Rng, type SeedStream } from './rng';
export { writeFileAtomic, writeJsonAtomic, writeDirAtomic } from './atomic-write';
export { mitdbDir, outputsDir, repoRoot } from './data-dir';
export { runParams, type RunParams } from './run-params';
export { quantile, sampleWithReplacement, mean, sampleSd, meanSd, median, medianSorted, type MeanSd } from './stats';
export { DEBIAN_PYTHON, missingPythonModule, pythonModuleImportable } from './python-module';
export { dataFrame, columnFrame, danfo, type DataFrame, type FrameColumn } from './data-frame';
