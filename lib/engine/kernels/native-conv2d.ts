import { backend_util, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs';
import type { NativeKernels } from '../native';
import { byteOffset, heapBytes, type WasmBackend } from './wasm-backend';
import { nativeOrFallback, type KernelArgs } from './native-or-fallback';

type Pad = 'valid' | 'same' | number | backend_util.ExplicitPadding;
interface ConvAttrs {
  strides: [number, number] | number;
  pad: Pad;
  dataFormat: 'NHWC' | 'NCHW';
  dilations?: [number, number] | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape?: [number, number, number, number];
  filterShape?: [number, number, number, number];
}

/** The 15 numbers of lib/engine/native's ConvGeom, from tfjs's own convolution geometry. */
function geometry(c: backend_util.Conv2DInfo): number[] {
  return [
    c.batchSize,
    c.inHeight,
    c.inWidth,
    c.inChannels,
    c.outHeight,
    c.outWidth,
    c.outChannels,
    c.filterHeight,
    c.filterWidth,
    c.strideHeight,
    c.strideWidth,
    c.dilationHeight,
    c.dilationWidth,
    c.padInfo.top,
    c.padInfo.left,
  ];
}

function info(xShape: number[], filterShape: number[], a: ConvAttrs): backend_util.Conv2DInfo {
  return backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    a.strides,
    a.dilations ?? 1,
    a.pad,
    a.dimRoundingMode,
    false,
    'channelsLast',
  );
}

const float32 = (...ts: TensorInfo[]) => ts.every((t) => t.dtype === 'float32');

/**
 * Conv2D, Conv2DBackpropInput and Conv2DBackpropFilter for the wasm backend on the native kernels:
 * im2col and a packed AVX-512/AVX2 GEMM in C++ with the machine's cores, working in place on the
 * wasm heap (tfjs's conv1d runs through these with height 1). NCHW or non-float32 inputs go to
 * the kernels registered before (`fallback`).
 *
 * @example nativeConvKernels(native, (name) => tf.getKernel(name, 'wasm')).map((k) => k.kernelName) // => ['Conv2D', ...]
 */
export function nativeConvKernels(
  native: NativeKernels,
  fallback: (name: string) => KernelConfig | undefined,
): KernelConfig[] {
  // NCHW (and anything else a kernel declines) goes to the kernel registered before.
  const make = (
    kernelName: string,
    run: (backend: WasmBackend, args: KernelArgs, a: ConvAttrs) => TensorInfo | undefined,
  ): KernelConfig =>
    nativeOrFallback(
      kernelName,
      (backend, args) => {
        const a = args.attrs as unknown as ConvAttrs;
        return a.dataFormat === 'NCHW' ? undefined : run(backend, args, a);
      },
      fallback(kernelName),
    );
  return [
    make('Conv2D', (backend, { inputs: { x, filter } }, a) => {
      if (!float32(x, filter)) return undefined;
      const c = info(x.shape, filter.shape, a);
      const y = backend.makeOutput(c.outShape, 'float32');
      native.conv2d(
        heapBytes(backend),
        byteOffset(backend, x),
        byteOffset(backend, filter),
        byteOffset(backend, y),
        ...geometry(c),
      );
      return y;
    }),
    make('Conv2DBackpropInput', (backend, { inputs: { dy, filter } }, a) => {
      if (!float32(dy, filter) || !a.inputShape) return undefined;
      const c = info(a.inputShape, filter.shape, a);
      const dx = backend.makeOutput(c.inShape, 'float32');
      native.conv2dBackpropInput(
        heapBytes(backend),
        byteOffset(backend, dy),
        byteOffset(backend, filter),
        byteOffset(backend, dx),
        ...geometry(c),
      );
      return dx;
    }),
    make('Conv2DBackpropFilter', (backend, { inputs: { x, dy } }, a) => {
      if (!float32(x, dy) || !a.filterShape) return undefined;
      const c = info(x.shape, a.filterShape, a);
      const dw = backend.makeOutput(a.filterShape, 'float32');
      native.conv2dBackpropFilter(
        heapBytes(backend),
        byteOffset(backend, x),
        byteOffset(backend, dy),
        byteOffset(backend, dw),
        ...geometry(c),
      );
      return dw;
    }),
  ];
}
