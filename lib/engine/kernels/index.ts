import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilterWasm } from './conv2dBackpropFilter';
import { conv2dBackpropInputWasm } from './conv2dBackpropInput';
import { maxPoolGradWasm } from './maxPoolGrad';
import { tileWasm } from './tile';

/** The kernels the project adds to (or replaces in) each backend. */
function extraKernels(backend: 'wasm' | 'cpu'): tf.KernelConfig[] {
  return backend === 'wasm' ? [conv2dBackpropFilterWasm, conv2dBackpropInputWasm, maxPoolGradWasm, tileWasm] : [];
}

/**
 * Kernels the project registers with tfjs backends: ones a backend lacks (wasm has no
 * Conv2DBackpropFilter in tfjs 4.22) and faster replacements. Registering twice is harmless.
 *
 * @example registerExtraKernels('wasm') // then tf.setBackend('wasm') can train conv nets
 */
export function registerExtraKernels(backend: 'wasm' | 'cpu'): void {
  for (const k of extraKernels(backend)) {
    // Replacing a kernel tfjs already has needs unregistering first; registerKernel would only warn.
    if (tf.getKernel(k.kernelName, k.backendName)) tf.unregisterKernel(k.kernelName, k.backendName);
    tf.registerKernel(k);
  }
}
