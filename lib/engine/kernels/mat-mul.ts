import type { KernelConfig, TensorInfo, NamedAttrMap } from '@tensorflow/tfjs';
import type { NativeKernels } from '../native';
import { byteOffset, heapBytes, heapF32, wasmTranspose, type WasmBackend } from './wasm-backend';

/** Swaps the last two axes of `t` into a new tensor with the wasm backend's Transpose. */
function transposeLastTwo(backend: WasmBackend, t: TensorInfo): TensorInfo {
  const r = t.shape.length;
  const perm = t.shape.map((_, i) => (i < r - 2 ? i : i === r - 2 ? r - 1 : r - 2));
  const outShape = perm.map((p) => t.shape[p]);
  const out = backend.makeOutput(outShape, t.dtype);
  wasmTranspose(backend, t, t.shape, perm, out);
  return out;
}

type MatMulArgs = { inputs: Record<string, TensorInfo>; backend: unknown; attrs: NamedAttrMap };
interface MatMulAttrs {
  transposeA: boolean;
  transposeB: boolean;
  activation?: string;
}

/**
 * The product on the native GEMM, or undefined for what it does not cover (other dtypes, batch
 * shapes that broadcast other than [1] against [b], activations other than linear/relu, fused
 * PReLU weights). Transposed operands are read through swapped strides, with no copy.
 */
function nativeMatMul(native: NativeKernels, args: MatMulArgs): TensorInfo | undefined {
  const backend = args.backend as WasmBackend;
  const { a, b, bias, preluActivationWeights } = args.inputs;
  const { transposeA, transposeB, activation } = args.attrs as unknown as MatMulAttrs;
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || preluActivationWeights) return undefined;
  if (activation && activation !== 'linear' && activation !== 'relu') return undefined;
  const ra = a.shape.length,
    rb = b.shape.length;
  if (ra < 2 || rb < 2) return undefined;
  const batchA = a.shape.slice(0, -2),
    batchB = b.shape.slice(0, -2);
  const size = (s: number[]) => s.reduce((p, d) => p * d, 1);
  const nA = size(batchA),
    nB = size(batchB);
  // Same batch shape, or one side's batch all ones (then the output takes the other's).
  if (ra !== rb || !(batchA.join() === batchB.join() || nA === 1 || nB === 1)) return undefined;
  const batchShape = nA >= nB ? batchA : batchB;
  const [ar, ac] = a.shape.slice(-2),
    [br, bc] = b.shape.slice(-2);
  const m = transposeA ? ac : ar,
    k = transposeA ? ar : ac,
    n = transposeB ? br : bc;
  if ((transposeB ? bc : br) !== k) return undefined;
  if (bias && !(bias.dtype === 'float32' && size(bias.shape) === n && bias.shape[bias.shape.length - 1] === n))
    return undefined;
  const out = backend.makeOutput([...batchShape, m, n], 'float32');
  const heap = heapBytes(backend);
  const oa = byteOffset(backend, a),
    ob = byteOffset(backend, b),
    oc = byteOffset(backend, out);
  const batches = Math.max(nA, nB);
  for (let i = 0; i < batches; i++) {
    native.gemm(
      heap,
      m,
      n,
      k,
      oa + (nA === 1 ? 0 : i * m * k * 4),
      transposeA ? 1 : k,
      transposeA ? m : 1,
      ob + (nB === 1 ? 0 : i * k * n * 4),
      transposeB ? 1 : n,
      transposeB ? k : 1,
      oc + i * m * n * 4,
      n,
      false,
    );
  }
  if (bias || activation === 'relu') {
    const y = heapF32(backend, out);
    const beta = bias ? heapF32(backend, bias) : undefined;
    for (let i = 0; i < y.length; i += n) {
      for (let j = 0; j < n; j++) {
        const v = beta ? y[i + j] + beta[j] : y[i + j];
        y[i + j] = activation === 'relu' && v < 0 ? 0 : v;
      }
    }
  }
  return out;
}

/**
 * A BatchMatMul or _FusedMatMul for the wasm backend. With the native kernels it runs the product
 * on their GEMM. Without them it hands transposed operands to the original kernel already
 * transposed: tfjs-backend-wasm 4.22 sends any transposed operand down a scalar loop 15–30×
 * slower than its XNNPACK path, and every dense/recurrent gradient has one (an LSTM(64) training
 * batch spent 8 s there). One memory pass of Transpose costs far less.
 *
 * @example matMulWasm(tf.getKernel('BatchMatMul', 'wasm')!, native).kernelName // => 'BatchMatMul'
 */
export function matMulWasm(original: KernelConfig, native?: NativeKernels): KernelConfig {
  const kernelFunc = (args: MatMulArgs): TensorInfo => {
    if (native) {
      const out = nativeMatMul(native, args);
      if (out) return out;
    }
    const backend = args.backend as WasmBackend;
    const { a, b } = args.inputs;
    const { transposeA, transposeB } = args.attrs as unknown as MatMulAttrs;
    if ((!transposeA && !transposeB) || a.dtype !== 'float32' || b.dtype !== 'float32') {
      return original.kernelFunc(args as never) as TensorInfo;
    }
    const temps: TensorInfo[] = [];
    const inputs = { ...args.inputs };
    if (transposeA) temps.push((inputs.a = transposeLastTwo(backend, a)));
    if (transposeB) temps.push((inputs.b = transposeLastTwo(backend, b)));
    const out = original.kernelFunc({
      ...args,
      inputs,
      attrs: { ...args.attrs, transposeA: false, transposeB: false },
    } as never) as TensorInfo;
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
