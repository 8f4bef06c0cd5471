import type { KernelConfig, TensorInfo, NamedAttrMap } from '@tensorflow/tfjs';
import { byteOffset, heapBytes, heapF32, nativeKernelsInUse, wasmBinary, type WasmBackend } from './wasm-backend';

type Inputs = { x: TensorInfo; mean: TensorInfo; variance: TensorInfo; offset?: TensorInfo; scale?: TensorInfo };

const size = (t: TensorInfo): number => t.shape.reduce((a, b) => a * b, 1);

/**
 * FusedBatchNorm (inference-style y = (x − mean)·scale/√(variance + ε) + offset) for the wasm
 * backend when every parameter is per channel (last axis) or a scalar: the per-channel factor and
 * shift are formed in JS, then y = x·a + b runs in one pass of the native kernels or as two
 * XNNPACK-speed broadcast passes, where tfjs-backend-wasm 4.22's own kernel took ~2 ms for a
 * [64,187,32] input. Other layouts go to
 * `fallback` (the backend's original kernel).
 */
export function fusedBatchNormWasm(fallback?: KernelConfig): KernelConfig {
  const kernelFunc = (args: { inputs: Inputs; backend: unknown; attrs: NamedAttrMap }): TensorInfo => {
    const backend = args.backend as WasmBackend;
    const { x, mean, variance, offset, scale } = args.inputs;
    const eps = args.attrs.varianceEpsilon as number;
    const C = x.shape[x.shape.length - 1] ?? 1;
    const params = [mean, variance, offset, scale].filter((t): t is TensorInfo => t != null);
    const perChannel =
      x.dtype === 'float32' &&
      params.every((t) => size(t) === 1 || (size(t) === C && t.shape[t.shape.length - 1] === C));
    if (!perChannel || size(x) === 0) {
      if (!fallback) throw new Error('FusedBatchNorm: unsupported parameter layout on wasm');
      return fallback.kernelFunc(args as never) as TensorInfo;
    }
    const native = nativeKernelsInUse();
    const a = backend.makeOutput([C], 'float32');
    const b = backend.makeOutput([C], 'float32');
    const tmp = native ? undefined : backend.makeOutput(x.shape, 'float32');
    const out = backend.makeOutput(x.shape, 'float32');
    const at = (t: TensorInfo | undefined, c: number, dflt: number): number => {
      if (!t) return dflt;
      const v = heapF32(backend, t);
      return v.length === 1 ? v[0] : v[c];
    };
    const av = heapF32(backend, a);
    const bv = heapF32(backend, b);
    for (let c = 0; c < C; c++) {
      const k = at(scale, c, 1) / Math.sqrt(at(variance, c, 0) + eps);
      av[c] = k;
      bv[c] = at(offset, c, 0) - at(mean, c, 0) * k;
    }
    const M = size(x) / C;
    if (native) {
      native.scaleShift(
        heapBytes(backend),
        byteOffset(backend, x),
        byteOffset(backend, a),
        byteOffset(backend, b),
        M,
        C,
        false,
        byteOffset(backend, out),
      );
    } else if (tmp) {
      wasmBinary(backend, 'Multiply', x, [M, C], a, [C], tmp);
      wasmBinary(backend, 'Add', tmp, [M, C], b, [C], out);
      backend.disposeData(tmp.dataId);
    }
    backend.disposeData(a.dataId);
    backend.disposeData(b.dataId);
    return out;
  };
  // The fallback's setup (its cwrap) must still run when the backend starts, since its own
  // registration is replaced by this one.
  return {
    kernelName: 'FusedBatchNorm',
    backendName: 'wasm',
    setupFunc: fallback?.setupFunc,
    kernelFunc: kernelFunc as unknown as KernelConfig['kernelFunc'],
  };
}
