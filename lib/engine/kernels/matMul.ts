import type { KernelConfig, TensorInfo, NamedAttrMap } from '@tensorflow/tfjs';
import { wasmTranspose, type WasmBackend } from './wasmBackend';

/** Swaps the last two axes of `t` into a new tensor with the wasm backend's Transpose. */
function transposeLastTwo(backend: WasmBackend, t: TensorInfo): TensorInfo {
  const r = t.shape.length;
  const perm = t.shape.map((_, i) => (i < r - 2 ? i : i === r - 2 ? r - 1 : r - 2));
  const outShape = perm.map((p) => t.shape[p]);
  const out = backend.makeOutput(outShape, t.dtype);
  wasmTranspose(backend, t, t.shape, perm, out);
  return out;
}

/**
 * A BatchMatMul or _FusedMatMul for the wasm backend that hands transposed operands to the
 * original kernel already transposed: tfjs-backend-wasm 4.22 sends any transposed operand down a
 * scalar loop 15–30× slower than its XNNPACK path, and every dense/recurrent gradient has one
 * (an LSTM(64) training batch spent 8 s there). One memory pass of Transpose costs far less.
 */
export function matMulWasm(original: KernelConfig): KernelConfig {
  const kernelFunc = (args: { inputs: Record<string, TensorInfo>; backend: unknown; attrs: NamedAttrMap }): TensorInfo => {
    const backend = args.backend as WasmBackend;
    const { a, b } = args.inputs;
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
    if ((!transposeA && !transposeB) || a.dtype !== 'float32' || b.dtype !== 'float32') {
      return original.kernelFunc(args as never) as TensorInfo;
    }
    const temps: TensorInfo[] = [];
    const inputs = { ...args.inputs };
    if (transposeA) temps.push((inputs.a = transposeLastTwo(backend, a)));
    if (transposeB) temps.push((inputs.b = transposeLastTwo(backend, b)));
    const out = original.kernelFunc({ ...args, inputs, attrs: { ...args.attrs, transposeA: false, transposeB: false } } as never) as TensorInfo;
    for (const t of temps) backend.disposeData(t.dataId);
    return out;
  };
  return {
    kernelName: original.kernelName,
    backendName: 'wasm',
    setupFunc: original.setupFunc,
    kernelFunc: kernelFunc as unknown as KernelConfig['kernelFunc'],
  };
}
