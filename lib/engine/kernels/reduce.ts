import { backend_util, util, type KernelConfig, type TensorInfo, type NamedAttrMap } from '@tensorflow/tfjs';
import { byteOffset, heapBytes, heapF32, nativeKernelsInUse, type WasmBackend } from './wasm-backend';

/**
 * Sums x viewed as [outer, mid, inner] over the middle axis into out [outer, inner], with float64
 * accumulators, walking four inner columns at a time down the rows (V8 runs that several times
 * faster than a row-major loop over a per-column accumulator array).
 *
 * @example sumMiddle(new Float32Array([1, 2, 3, 4]), 1, 2, 2, out) // out => [4, 6]
 */
export function sumMiddle(
  x: Float32Array,
  outer: number,
  mid: number,
  inner: number,
  out: Float32Array,
  scale = 1,
): void {
  const i4 = inner - (inner % 4);
  for (let o = 0; o < outer; o++) {
    const base = o * mid * inner;
    const end = base + mid * inner;
    for (let c = 0; c < i4; c += 4) {
      let a0 = 0,
        a1 = 0,
        a2 = 0,
        a3 = 0;
      for (let i = base + c; i < end; i += inner) {
        a0 += x[i];
        a1 += x[i + 1];
        a2 += x[i + 2];
        a3 += x[i + 3];
      }
      const w = o * inner + c;
      out[w] = a0 * scale;
      out[w + 1] = a1 * scale;
      out[w + 2] = a2 * scale;
      out[w + 3] = a3 * scale;
    }
    for (let c = i4; c < inner; c++) {
      let a = 0;
      for (let i = base + c; i < end; i += inner) a += x[i];
      out[o * inner + c] = a * scale;
    }
  }
}

function reduceWasm(kind: 'Sum' | 'Mean', original: KernelConfig): KernelConfig {
  const kernelFunc = (args: { inputs: { x: TensorInfo }; backend: unknown; attrs: NamedAttrMap }): TensorInfo => {
    const backend = args.backend as WasmBackend;
    const { x } = args.inputs;
    const { axis, keepDims } = args.attrs as { axis: number | number[]; keepDims: boolean };
    const axes = util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
    const contiguous = axes.length > 0 && axes.every((a, i) => i === 0 || a === axes[i - 1] + 1);
    if (x.dtype !== 'float32' || !contiguous || util.sizeFromShape(x.shape) === 0) {
      return original.kernelFunc(args as never) as TensorInfo;
    }
    const lo = axes[0];
    const hi = axes[axes.length - 1];
    const outer = util.sizeFromShape(x.shape.slice(0, lo));
    const mid = util.sizeFromShape(x.shape.slice(lo, hi + 1));
    const inner = util.sizeFromShape(x.shape.slice(hi + 1));
    const outShape = x.shape.filter((_, d) => d < lo || d > hi);
    const out = backend.makeOutput(keepDims ? backend_util.expandShapeToKeepDim(outShape, axes) : outShape, 'float32');
    const scale = kind === 'Mean' ? 1 / mid : 1;
    const native = nativeKernelsInUse();
    // The same sums in the same order either way; the native loop vectorises across columns.
    if (native)
      native.sumMiddle(heapBytes(backend), byteOffset(backend, x), outer, mid, inner, scale, byteOffset(backend, out));
    else sumMiddle(heapF32(backend, x), outer, mid, inner, heapF32(backend, out), scale);
    return out;
  };
  return {
    kernelName: kind,
    backendName: 'wasm',
    setupFunc: original.setupFunc,
    kernelFunc: kernelFunc as unknown as KernelConfig['kernelFunc'],
  };
}

/**
 * Sum for the wasm backend over contiguous axes of a float32 tensor in one JS pass; tfjs-backend-
 * wasm 4.22 first transposes the reduced axes innermost (0.8 ms for a conv bias gradient over
 * [64,187,32]). Other cases go to the original kernel.
 */
export const sumWasm = (original: KernelConfig): KernelConfig => reduceWasm('Sum', original);

/** Mean for the wasm backend, as sumWasm, scaled by 1/count. */
export const meanWasm = (original: KernelConfig): KernelConfig => reduceWasm('Mean', original);
