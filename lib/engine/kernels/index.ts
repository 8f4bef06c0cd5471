import * as tf from '@tensorflow/tfjs';
import { conv2dBackpropFilterWasm } from './conv2d-backprop-filter';
import { conv2dBackpropInputWasm } from './conv2d-backprop-input';
import { maxPoolGradWasm } from './max-pool-grad';
import { tileWasm } from './tile';
import { fusedBatchNormWasm } from './fused-batch-norm';
import { identityWasm } from './identity';
import { matMulWasm } from './mat-mul';
import { reverseWasm } from './reverse';
import { sumWasm, meanWasm } from './reduce';
import { adamUpdateKernels } from './adam-kernels';
import { lstmForwardKernels, lstmBackwardKernels } from './lstm-kernels';
import { channelMomentsKernels, batchNormGradSumsKernels } from './batch-norm-kernels';
import { nativeConvKernels } from './native-conv2d';
import { nativeChannelKernels } from './native-channels';
import { conv2dExplicitPad } from './conv2d-explicit-pad';
import { setNativeKernels } from './wasm-backend';
import type { NativeKernels } from '../native';

/** The kernels the project adds to (or replaces in) each backend. */
function extraKernels(backend: 'wasm' | 'cpu', native?: NativeKernels): tf.KernelConfig[] {
  // Kernels the project's own ops call exist on both backends whichever is chosen, so results on
  // wasm and cpu can be compared in one process.
  const host = [
    ...channelMomentsKernels,
    ...batchNormGradSumsKernels,
    ...lstmForwardKernels,
    ...lstmBackwardKernels,
    ...adamUpdateKernels,
  ];
  if (backend === 'cpu') return host;
  // Replacements that fall back to the original for cases they do not cover keep a reference to
  // it, taken before it is unregistered (and not taken twice when registering again).
  const original = (name: string): tf.KernelConfig | undefined => {
    const k = tf.getKernel(name, 'wasm');
    return k && !replacements.has(k.kernelFunc) ? k : originals.get(name);
  };
  const keep = (name: string): tf.KernelConfig | undefined => {
    const k = original(name);
    if (k) originals.set(name, k);
    return k;
  };
  const fbn = keep('FusedBatchNorm');
  const list = [maxPoolGradWasm, tileWasm, identityWasm, reverseWasm, fusedBatchNormWasm(fbn), ...host];
  if (native) {
    keep('Conv2D');
    // The JS convolution gradients stay as the fallbacks for what the native ones leave (NCHW).
    const fallback = (name: string) =>
      name === 'Conv2D'
        ? originals.get(name)
        : name === 'Conv2DBackpropInput'
          ? conv2dBackpropInputWasm
          : conv2dBackpropFilterWasm;
    list.push(...nativeConvKernels(native, fallback));
    for (const name of ['Add', 'Multiply', 'Relu', 'MaxPool']) keep(name);
    const previous = (name: string) => (name === 'MaxPoolGrad' ? maxPoolGradWasm : originals.get(name));
    list.push(...nativeChannelKernels(native, previous));
  } else {
    // Put back tfjs's own kernels in case an earlier registration had native ones.
    for (const name of ['Add', 'Multiply', 'Relu', 'MaxPool']) {
      const k = keep(name);
      if (k) list.push(k);
    }
    const conv = keep('Conv2D');
    if (conv) list.push(conv2dExplicitPad(conv));
    list.push(conv2dBackpropFilterWasm, conv2dBackpropInputWasm);
  }
  // tf.layers.conv2d runs FusedConv2D, which the native kernels leave to tfjs: same fix as Conv2D.
  const fusedConv = keep('FusedConv2D');
  if (fusedConv) list.push(conv2dExplicitPad(fusedConv));
  for (const name of ['BatchMatMul', '_FusedMatMul']) {
    const k = keep(name);
    if (k) list.push(matMulWasm(k, native));
  }
  const sum = keep('Sum');
  if (sum) list.push(sumWasm(sum));
  const mean = keep('Mean');
  if (mean) list.push(meanWasm(mean));
  for (const k of list) replacements.add(k.kernelFunc);
  return list;
}

// Registration is process-wide state of tfjs itself; these two remember which registered kernels
// are ours, so that registering again does not wrap a replacement around a replacement.
const originals = new Map<string, tf.KernelConfig>();
const replacements = new WeakSet<object>();

/**
 * Kernels the project registers with tfjs backends: ones a backend lacks (wasm has no
 * Conv2DBackpropFilter in tfjs 4.22) and faster replacements; with `native` (lib/engine/native),
 * the wasm backend's convolutions and matrix products run on the native kernels. Registering
 * again (with or without native) replaces the earlier registration.
 *
 * @example registerExtraKernels('wasm') // then tf.setBackend('wasm') can train conv nets
 */
export function registerExtraKernels(backend: 'wasm' | 'cpu', native?: NativeKernels): void {
  if (backend === 'wasm') setNativeKernels(native);
  for (const k of extraKernels(backend, native)) {
    // Replacing a kernel tfjs already has needs unregistering first; registerKernel would only warn.
    if (tf.getKernel(k.kernelName, k.backendName)) tf.unregisterKernel(k.kernelName, k.backendName);
    tf.registerKernel(k);
  }
}
