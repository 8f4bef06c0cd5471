import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs';

interface RefCountingBackend {
  incRef(dataId: object): void;
}

function identity(args: { inputs: { x: TensorInfo }; backend: unknown }): TensorInfo {
  const { x } = args.inputs;
  (args.backend as RefCountingBackend).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/**
 * Identity for the wasm backend that shares the input's buffer (reference counted, as the cpu
 * backend and wasm's own Reshape do) instead of copying it. tfjs clones every tensor it saves for
 * backprop, so the copying kernel cost a full memcpy per saved activation (~5 ms per CNN batch).
 */
export const identityWasm: KernelConfig = {
  kernelName: 'Identity',
  backendName: 'wasm',
  kernelFunc: identity as unknown as KernelConfig['kernelFunc'],
};
