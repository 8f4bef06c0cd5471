import { backend_util, type KernelConfig, type TensorInfo, type NamedAttrMap } from '@tensorflow/tfjs';
import { heapF32, wasmMatMul, wasmTranspose, type WasmBackend } from './wasm-backend';

/**
 * Writes the transposed im2col matrix of an NHWC input: row (fh, fw, ci), column (b, oh, ow), zero
 * where the receptive field falls in the padding. With it, the filter gradient of a convolution is
 * one matrix product colsT · dy (Chellapilla et al. 2006, "High performance convolutional neural
 * networks for document processing").
 *
 * @example im2colT(x, cols, info) // cols.length === FH·FW·Cin · B·OH·OW
 */
export function im2colT(x: Float32Array, cols: Float32Array, c: backend_util.Conv2DInfo): void {
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
  const M = B * OH * OW;
  for (let fh = 0; fh < FH; fh++) {
    for (let fw = 0; fw < FW; fw++) {
      // The output columns whose input column is inside the image, the same for every row.
      const owLo = Math.min(OW, Math.max(0, Math.ceil((pl - fw * dw) / sw)));
      const owHi = Math.max(owLo, Math.min(OW, Math.floor((W - 1 + pl - fw * dw) / sw) + 1));
      for (let ci = 0; ci < C; ci++) {
        const row = ((fh * FW + fw) * C + ci) * M;
        let j = row;
        for (let b = 0; b < B; b++) {
          for (let oh = 0; oh < OH; oh++) {
            const ih = oh * sh - pt + fh * dh;
            if (ih < 0 || ih >= H) {
              cols.fill(0, j, j + OW);
              j += OW;
              continue;
            }
            if (owLo > 0) cols.fill(0, j, j + owLo);
            let src = ((b * H + ih) * W + (owLo * sw - pl + fw * dw)) * C + ci;
            const step = sw * C;
            for (let ow = owLo; ow < owHi; ow++, src += step) cols[j + ow] = x[src];
            if (owHi < OW) cols.fill(0, j + owHi, j + OW);
            j += OW;
          }
        }
      }
    }
  }
}

/**
 * im2colT for width stride 1 from the input already transposed to channels-first [Cin, B, H, W]:
 * every run of a row is then a contiguous slice, copied whole (~4× faster than gathering from
 * NHWC with stride Cin).
 *
 * @example im2colTChannelsFirst(xT, cols, info) // same cols as im2colT(x, cols, info)
 */
export function im2colTChannelsFirst(xT: Float32Array, cols: Float32Array, c: backend_util.Conv2DInfo): void {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = c;
  const { filterHeight: FH, filterWidth: FW, strideHeight: sh, dilationHeight: dh, dilationWidth: dw } = c;
  const pt = c.padInfo.top;
  const pl = c.padInfo.left;
  const M = B * OH * OW;
  for (let fh = 0; fh < FH; fh++) {
    for (let fw = 0; fw < FW; fw++) {
      const shift = fw * dw - pl; // input column of output column 0
      const owLo = Math.min(OW, Math.max(0, -shift));
      const owHi = Math.max(owLo, Math.min(OW, W - shift));
      for (let ci = 0; ci < C; ci++) {
        let j = ((fh * FW + fw) * C + ci) * M;
        for (let b = 0; b < B; b++) {
          for (let oh = 0; oh < OH; oh++, j += OW) {
            const ih = oh * sh - pt + fh * dh;
            if (ih < 0 || ih >= H) {
              cols.fill(0, j, j + OW);
              continue;
            }
            if (owLo > 0) cols.fill(0, j, j + owLo);
            const src = ((ci * B + b) * H + ih) * W + shift;
            cols.set(xT.subarray(src + owLo, src + owHi), j + owLo);
            if (owHi < OW) cols.fill(0, j + owHi, j + OW);
          }
        }
      }
    }
  }
}

function conv2dBackpropFilter(args: {
  inputs: { x: TensorInfo; dy: TensorInfo };
  backend: unknown;
  attrs: NamedAttrMap;
}): TensorInfo {
  const backend = args.backend as WasmBackend;
  const { x, dy } = args.inputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = args.attrs as unknown as {
    strides: [number, number] | number;
    pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
    dataFormat: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    filterShape: [number, number, number, number];
  };
  if (dataFormat === 'NCHW')
    throw new Error("wasm Conv2DBackpropFilter supports only dataFormat 'NHWC', as wasm Conv2D does");
  const c = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
  const K = c.filterHeight * c.filterWidth * c.inChannels;
  const M = c.batchSize * c.outHeight * c.outWidth;
  const out = backend.makeOutput(filterShape, 'float32');
  if (M === 0) {
    heapF32(backend, out).fill(0);
    return out;
  }
  const cols = backend.makeOutput([K, M], 'float32');
  if (c.strideWidth === 1) {
    const xT = backend.makeOutput([c.inChannels, c.batchSize, c.inHeight, c.inWidth], 'float32');
    wasmTranspose(backend, x, x.shape, [3, 0, 1, 2], xT);
    im2colTChannelsFirst(heapF32(backend, xT), heapF32(backend, cols), c);
    backend.disposeData(xT.dataId);
  } else {
    im2colT(heapF32(backend, x), heapF32(backend, cols), c);
  }
  wasmMatMul(backend, cols, dy, out, K, M, c.outChannels);
  backend.disposeData(cols.dataId);
  return out;
}

/**
 * Conv2DBackpropFilter for the wasm backend, which tfjs-backend-wasm 4.22 lacks: im2col in JS, then
 * one XNNPACK matrix product.
 */
export const conv2dBackpropFilterWasm: KernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter as unknown as KernelConfig['kernelFunc'],
};
