import { backend_util, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs';
import type { NativeKernels } from '../native';
import { byteOffset, heapBytes, type WasmBackend } from './wasm-backend';
import { nativeOrFallback } from './native-or-fallback';

const size = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);
const last = (shape: number[]): number => shape[shape.length - 1] ?? 1;

interface PoolAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** The 14 numbers of lib/engine/native's PoolGeom. */
function poolGeometry(xShape: number[], a: PoolAttrs): { info: backend_util.Conv2DInfo; geometry: number[] } {
  const c = backend_util.computePool2DInfo(
    xShape as [number, number, number, number],
    a.filterSize,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
  );
  const geometry = [
    c.batchSize,
    c.inHeight,
    c.inWidth,
    c.inChannels,
    c.outHeight,
    c.outWidth,
    c.effectiveFilterHeight,
    c.effectiveFilterWidth,
    c.strideHeight,
    c.strideWidth,
    c.dilationHeight,
    c.dilationWidth,
    c.padInfo.top,
    c.padInfo.left,
  ];
  return { info: c, geometry };
}

/**
 * x + v or x · v for v one value per channel of x's last axis, in either operand order (a bias
 * add, a batch-norm scale, ...); undefined for other shapes, which the backend's kernel runs.
 */
function perChannel(
  native: NativeKernels,
  backend: WasmBackend,
  a: TensorInfo,
  b: TensorInfo,
  role: 'shift' | 'scale',
): TensorInfo | undefined {
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return undefined;
  const [x, v] = size(a.shape) >= size(b.shape) ? [a, b] : [b, a];
  const C = last(x.shape);
  if (!(v.shape.length <= x.shape.length && last(v.shape) === C && size(v.shape) === C) || size(x.shape) <= C)
    return undefined;
  const y = backend.makeOutput(x.shape, 'float32');
  const off = byteOffset(backend, v);
  native.scaleShift(
    heapBytes(backend),
    byteOffset(backend, x),
    role === 'scale' ? off : -1,
    role === 'shift' ? off : -1,
    size(x.shape) / C,
    C,
    false,
    byteOffset(backend, y),
  );
  return y;
}

/**
 * The per-channel and pooling kernels of the wasm backend on the native module: the batch-norm
 * statistics and gradient sums the project's fused batch norm calls, Add and Multiply of a
 * [.., C] tensor and a [C] vector (bias adds, batch-norm scales), Relu, MaxPool and MaxPoolGrad.
 * Other cases go to `previous(name)`, the kernel registered before.
 *
 * @example nativeChannelKernels(native, (name) => tf.getKernel(name, 'wasm')).length // => 7
 */
export function nativeChannelKernels(
  native: NativeKernels,
  previous: (name: string) => KernelConfig | undefined,
): KernelConfig[] {
  return [
    nativeOrFallback('EcgChannelMoments', (backend, { inputs: { x } }) => {
      const C = last(x.shape);
      const mean = backend.makeOutput([C], 'float32');
      const variance = backend.makeOutput([C], 'float32');
      native.channelMoments(
        heapBytes(backend),
        byteOffset(backend, x),
        size(x.shape) / C,
        C,
        byteOffset(backend, mean),
        byteOffset(backend, variance),
      );
      return [mean, variance];
    }),
    nativeOrFallback('EcgBatchNormGradSums', (backend, { inputs: { x, dy, mean } }) => {
      const C = last(x.shape);
      const s1 = backend.makeOutput([C], 'float32');
      const s2 = backend.makeOutput([C], 'float32');
      native.batchNormGradSums(
        heapBytes(backend),
        byteOffset(backend, x),
        byteOffset(backend, dy),
        byteOffset(backend, mean),
        size(x.shape) / C,
        C,
        byteOffset(backend, s1),
        byteOffset(backend, s2),
      );
      return [s1, s2];
    }),
    nativeOrFallback(
      'Add',
      (backend, { inputs: { a, b } }) => perChannel(native, backend, a, b, 'shift'),
      previous('Add'),
    ),
    nativeOrFallback(
      'Multiply',
      (backend, { inputs: { a, b } }) => perChannel(native, backend, a, b, 'scale'),
      previous('Multiply'),
    ),
    nativeOrFallback(
      'Relu',
      (backend, { inputs: { x } }) => {
        if (x.dtype !== 'float32' || size(x.shape) === 0) return undefined;
        const C = last(x.shape);
        const y = backend.makeOutput(x.shape, 'float32');
        native.scaleShift(
          heapBytes(backend),
          byteOffset(backend, x),
          -1,
          -1,
          size(x.shape) / C,
          C,
          true,
          byteOffset(backend, y),
        );
        return y;
      },
      previous('Relu'),
    ),
    nativeOrFallback(
      'MaxPool',
      (backend, { inputs: { x }, attrs }) => {
        if (x.dtype !== 'float32' || x.shape.length !== 4) return undefined;
        const { info, geometry } = poolGeometry(x.shape, attrs as unknown as PoolAttrs);
        const y = backend.makeOutput(info.outShape, 'float32');
        native.maxPool(heapBytes(backend), byteOffset(backend, x), byteOffset(backend, y), ...geometry);
        return y;
      },
      previous('MaxPool'),
    ),
    nativeOrFallback(
      'MaxPoolGrad',
      (backend, { inputs: { dy, input }, attrs }) => {
        if (input.dtype !== 'float32' || input.shape.length !== 4) return undefined;
        const { geometry } = poolGeometry(input.shape, attrs as unknown as PoolAttrs);
        const dx = backend.makeOutput(input.shape, 'float32');
        native.maxPoolGrad(
          heapBytes(backend),
          byteOffset(backend, input),
          byteOffset(backend, dy),
          byteOffset(backend, dx),
          ...geometry,
        );
        return dx;
      },
      previous('MaxPoolGrad'),
    ),
  ];
}
