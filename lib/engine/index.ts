/** The tfjs engine: which backend runs, and the kernels the project adds to it. */
export { initBackend, describeBackend, type BackendInfo, type BackendName } from './backend';
export { registerExtraKernels } from './kernels';
export * as tf from '@tensorflow/tfjs';
