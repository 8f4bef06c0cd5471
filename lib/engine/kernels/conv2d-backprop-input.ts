import { backend_util, type KernelConfig, type TensorInfo, type NamedAttrMap } from '@tensorflow/tfjs';
import { heapF32, wasmFunction, wasmId, wasmMatMul, type WasmBackend } from './wasm-backend';

/**
 * Adds the im2col-layout matrix `cols` [B·OH·OW, FH·FW·Cin] back onto the NHWC image `dx` it was
 * gathered from (the adjoint of im2col), skipping positions in the padding. `dx` must start zeroed.
 *
 * @example col2imAdd(cols, dx, info) // dx = input gradient of the convolution described by info
 */
export function col2imAdd(cols: Float32Array, dx: Float32Array, c: backend_util.Conv2DInfo): void {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = c;
  const {
    filterHeight: FH,
    filterWidth: FW,
    strideHeight: sh,
    strideWidth: sw,
    dilationHeight: dh,
    dilationWidth: dw,
  } = c;
  const pt = c.padInfo.top;
  const pl = c.padInfo.left;
  const K = FH * FW * C;
  let row = 0;
  for (let b = 0; b < B; b++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++, row += K) {
        for (let fh = 0; fh < FH; fh++) {
          const ih = oh * sh - pt + fh * dh;
          if (ih < 0 || ih >= H) continue;
          for (let fw = 0; fw < FW; fw++) {
            const iw = ow * sw - pl + fw * dw;
            if (iw < 0 || iw >= W) continue;
            const src = row + (fh * FW + fw) * C;
            const dst = ((b * H + ih) * W + iw) * C;
            for (let ci = 0; ci < C; ci++) dx[dst + ci] += cols[src + ci];
          }
        }
      }
    }
  }
}

function conv2dBackpropInput(args: {
  inputs: { dy: TensorInfo; filter: TensorInfo };
  backend: unknown;
  attrs: NamedAttrMap;
}): TensorInfo {
  const backend = args.backend as WasmBackend;
  const { dy, filter } = args.inputs;
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = args.attrs as unknown as {
    strides: [number, number] | number;
    pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
    dataFormat: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    inputShape: [number, number, number, number];
  };
  if (dataFormat === 'NCHW')
    throw new Error("wasm Conv2DBackpropInput supports only dataFormat 'NHWC', as wasm Conv2D does");
  const c = backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  const K = c.filterHeight * c.filterWidth * c.inChannels;
  const M = c.batchSize * c.outHeight * c.outWidth;
  const N = c.outChannels;
  const dx = backend.makeOutput(c.inShape, 'float32');
  if (M === 0 || K === 0) {
    heapF32(backend, dx).fill(0);
    return dx;
  }
  const { top, bottom, left, right } = c.padInfo;
  const { filterHeight: FH, filterWidth: FW } = c;
  if (c.strideHeight === 1 && c.strideWidth === 1 && top < FH && bottom < FH && left < FW && right < FW) {
    // Stride 1: dx is the forward convolution of dy with the filter flipped in space and its
    // channel axes swapped, padded by (F − 1 − pad); XNNPACK runs it without im2col/col2im.
    const flipped = backend.makeOutput([FH, FW, N, c.inChannels], 'float32');
    const f = heapF32(backend, filter);
    const fl = heapF32(backend, flipped);
    const C = c.inChannels;
    for (let fh = 0; fh < FH; fh++) {
      for (let fw = 0; fw < FW; fw++) {
        const src = ((FH - 1 - fh) * FW + (FW - 1 - fw)) * C * N;
        const dst = (fh * FW + fw) * N * C;
        for (let ci = 0; ci < C; ci++) for (let co = 0; co < N; co++) fl[dst + co * C + ci] = f[src + ci * N + co];
      }
    }
    const conv = wasmFunction(backend, 'Conv2D', new Array<string>(19).fill('number'));
    conv(
      wasmId(backend, dy),
      c.batchSize,
      c.outHeight,
      c.outWidth,
      wasmId(backend, flipped),
      FH,
      FW,
      FH - 1 - top,
      FW - 1 - right,
      FH - 1 - bottom,
      FW - 1 - left,
      0,
      1,
      1,
      1,
      1,
      N,
      C,
      wasmId(backend, dx),
    );
    backend.disposeData(flipped.dataId);
    return dx;
  }
  // cols = dy [M, N] · filterᵀ [N, K]; the transpose is made explicitly because XNNPACK's matmul
  // in tfjs-backend-wasm only takes untransposed operands.
  const filterT = backend.makeOutput([N, K], 'float32');
  const cols = backend.makeOutput([M, K], 'float32');
  const f = heapF32(backend, filter);
  const ft = heapF32(backend, filterT);
  for (let k = 0; k < K; k++) for (let n = 0; n < N; n++) ft[n * K + k] = f[k * N + n];
  wasmMatMul(backend, dy, filterT, cols, M, N, K);
  const out = heapF32(backend, dx);
  out.fill(0);
  col2imAdd(heapF32(backend, cols), out, c);
  backend.disposeData(filterT.dataId);
  backend.disposeData(cols.dataId);
  return dx;
}

/**
 * Conv2DBackpropInput for the wasm backend, in place of tfjs-backend-wasm 4.22's direct loop
 * (~50 ms for the reference CNN's second layer): with stride 1 one XNNPACK convolution of dy with
 * the flipped filter, otherwise one XNNPACK matrix product then col2im in JS.
 */
export const conv2dBackpropInputWasm: KernelConfig = {
  kernelName: 'Conv2DBackpropInput',
  backendName: 'wasm',
  kernelFunc: conv2dBackpropInput as unknown as KernelConfig['kernelFunc'],
};
