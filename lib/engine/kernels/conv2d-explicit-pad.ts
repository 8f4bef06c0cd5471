import { backend_util, type KernelConfig, type TensorInfo, type NamedAttrMap } from '@tensorflow/tfjs';

type Pad = 'valid' | 'same' | number | backend_util.ExplicitPadding;

/**
 * tfjs-backend-wasm's Conv2D or FusedConv2D (`original`) with 'same' padding handed over as the
 * explicit pads tfjs computes.
 * tfjs-backend-wasm 4.22 passes 'same' to XNNPACK as its TensorFlow-SAME flag, which gives wrong
 * outputs when a stride exceeds the filter (the kernel tests found x [1, 6, 12, 1], filter 1×2,
 * strides 3×1: every value off); with explicit pads the same kernel is right.
 *
 * @example conv2dExplicitPad(tf.getKernel('Conv2D', 'wasm')!).kernelName // => 'Conv2D'
 */
export function conv2dExplicitPad(original: KernelConfig): KernelConfig {
  const kernelFunc = (args: {
    inputs: { x: TensorInfo; filter: TensorInfo };
    backend: unknown;
    attrs: NamedAttrMap;
  }): TensorInfo => {
    const a = args.attrs as unknown as {
      strides: number | [number, number];
      pad: Pad;
      dilations?: number | [number, number];
      dimRoundingMode?: 'floor' | 'round' | 'ceil';
      dataFormat: 'NHWC' | 'NCHW';
    };
    if (a.pad !== 'same' || a.dataFormat === 'NCHW') return original.kernelFunc(args as never) as TensorInfo;
    const { x, filter } = args.inputs;
    const c = backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filter.shape as [number, number, number, number],
      a.strides,
      a.dilations ?? 1,
      'same',
      a.dimRoundingMode,
      false,
      'channelsLast',
    );
    const { top, bottom, left, right } = c.padInfo;
    const pad: backend_util.ExplicitPadding = [
      [0, 0],
      [top, bottom],
      [left, right],
      [0, 0],
    ];
    return original.kernelFunc({ ...args, attrs: { ...args.attrs, pad } } as never) as TensorInfo;
  };
  return {
    kernelName: original.kernelName,
    backendName: 'wasm',
    setupFunc: original.setupFunc,
    kernelFunc: kernelFunc as unknown as KernelConfig['kernelFunc'],
  };
}
