/** The tfjs engine: which backend runs, the kernels the project adds to it, and fast drop-ins. */
export {
  initBackend,
  describeBackend,
  describeRun,
  quietCpuBackend,
  type BackendInfo,
  type BackendName,
} from './backend';
export { registerExtraKernels } from './kernels';
export {
  batchNormalization,
  batchNormTraining,
  FusedBatchNormalization,
  hasFusedBatchNorm,
} from './layers/batch-normalization';
export { lstm, bidirectional, lstmSequence, FusedLSTM, hasFusedLstm } from './layers/lstm';
export { adam, FusedAdamOptimizer } from './fused-adam';
export { referenceModel, REFERENCE_MODELS, REFERENCE_INPUT, type ReferenceModelName } from './reference-models';
export { benchReferenceModels, type BenchOptions, type ModelThroughput } from './benchmark';
export { prepareWasmThreads, wasmThreadsWanted } from './wasm-threads';
export { loadNativeKernels, nativeThreadsWanted, nativeModulePath, type NativeKernels } from './native';
export * as tf from '@tensorflow/tfjs';
