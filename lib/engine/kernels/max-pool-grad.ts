import { backend_util, type KernelConfig, type TensorInfo, type NamedAttrMap } from '@tensorflow/tfjs';
import { heapF32, type WasmBackend } from './wasm-backend';

/**
 * Routes each output gradient of a max pool to the first position holding its window's maximum
 * (the same tie rule as tfjs's cpu backend), adding where windows overlap. `dx` must start zeroed.
 *
 * @example maxPoolGradAdd(x, dy, dx, info) // dx = gradient of maxPool(x) given dy
 */
export function maxPoolGradAdd(x: Float32Array, dy: Float32Array, dx: Float32Array, c: backend_util.Conv2DInfo): void {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW } = c;
  const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = c;
  const FH = c.effectiveFilterHeight;
  const FW = c.effectiveFilterWidth;
  const pt = c.padInfo.top;
  const pl = c.padInfo.left;
  if (W === 1 && FW === 1 && pl === 0 && OW === 1) {
    poolAlongHeight(x, dy, dx, B, H, C, OH, FH, sh, dh, pt);
    return;
  }
  // Channels innermost, as the data lie: each window is scanned for all C channels at once, and
  // the running argmax is updated without a branch (random data mispredict half the branches,
  // which made the branching loop 2.5× slower). The window's first element seeds the argmax, so a
  // NaN there wins its window, where the cpu kernel would skip it.
  const at = new Int32Array(C);
  let o = 0;
  for (let b = 0; b < B; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const h0 = oh * sh - pt;
      for (let ow = 0; ow < OW; ow++, o += C) {
        const w0 = ow * sw - pl;
        let first = true;
        for (let fh = 0; fh < FH; fh += dh) {
          const ih = h0 + fh;
          if (ih < 0 || ih >= H) continue;
          for (let fw = 0; fw < FW; fw += dw) {
            const iw = w0 + fw;
            if (iw < 0 || iw >= W) continue;
            const base = ((b * H + ih) * W + iw) * C;
            if (first) {
              for (let ch = 0; ch < C; ch++) at[ch] = base + ch;
              first = false;
              continue;
            }
            for (let ch = 0; ch < C; ch++) {
              const j = base + ch;
              const a = at[ch];
              at[ch] = a + ((x[j] > x[a]) as unknown as number) * (j - a);
            }
          }
        }
        if (!first) for (let ch = 0; ch < C; ch++) dx[at[ch]] += dy[o + ch];
      }
    }
  }
}

/** maxPoolGradAdd for windows along the height only (tf.layers.maxPooling1d's [B, T, 1, C] layout). */
function poolAlongHeight(
  x: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  B: number,
  H: number,
  C: number,
  OH: number,
  FH: number,
  sh: number,
  dh: number,
  pt: number,
): void {
  for (let b = 0; b < B; b++) {
    for (let oh = 0; oh < OH; oh++) {
      const h0 = oh * sh - pt;
      // The window's rows inside the input, first to last.
      let lo = h0;
      while (lo < 0) lo += dh;
      const o = (b * OH + oh) * C;
      if (lo >= H || lo >= h0 + FH) continue;
      const first = (b * H + lo) * C;
      if (lo === h0 && FH === 2 && dh === 1 && h0 + 1 < H) {
        // The usual pool of 2: one comparison per channel.
        for (let ch = 0; ch < C; ch++) {
          const a = first + ch;
          dx[a + ((x[a + C] > x[a]) as unknown as number) * C] += dy[o + ch];
        }
        continue;
      }
      for (let ch = 0; ch < C; ch++) {
        let at = first + ch;
        for (let ih = lo + dh; ih < h0 + FH && ih < H; ih += dh) {
          const q = (b * H + ih) * C + ch;
          at += ((x[q] > x[at]) as unknown as number) * (q - at);
        }
        dx[at] += dy[o + ch];
      }
    }
  }
}

function maxPoolGrad(args: {
  inputs: { dy: TensorInfo; input: TensorInfo; output: TensorInfo };
  backend: unknown;
  attrs: NamedAttrMap;
}): TensorInfo {
  const backend = args.backend as WasmBackend;
  const { dy, input } = args.inputs;
  const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as {
    filterSize: [number, number] | number;
    strides: [number, number] | number;
    pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
  };
  const c = backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const dx = backend.makeOutput(input.shape, 'float32');
  const out = heapF32(backend, dx);
  out.fill(0);
  maxPoolGradAdd(heapF32(backend, input), heapF32(backend, dy), out, c);
  return dx;
}

/**
 * MaxPoolGrad for the wasm backend: one pass over the windows in JS, where tfjs-backend-wasm 4.22
 * took ~10 ms per pooling layer of the reference CNN.
 */
export const maxPoolGradWasm: KernelConfig = {
  kernelName: 'MaxPoolGrad',
  backendName: 'wasm',
  kernelFunc: maxPoolGrad as unknown as KernelConfig['kernelFunc'],
};
