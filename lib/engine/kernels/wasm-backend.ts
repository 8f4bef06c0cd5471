import type { TensorInfo, DataType } from '@tensorflow/tfjs';
import type { NativeKernels } from '../native';

/** The parts of tfjs-backend-wasm's emscripten module that the project's kernels call. */
export interface WasmModule {
  cwrap(name: string, ret: null | 'number', args: string[]): (...a: unknown[]) => unknown;
  HEAPU8: Uint8Array;
  wasmMemory?: { buffer: ArrayBufferLike };
  _malloc(bytes: number): number;
  _free(ptr: number): void;
}

/** The parts of tfjs-backend-wasm's `BackendWasm` that the project's kernels use. */
export interface WasmBackend {
  wasm: WasmModule;
  dataIdMap: { get(dataId: object): { id: number; memoryOffset: number; shape: number[]; dtype: DataType } };
  makeOutput(shape: number[], dtype: DataType): TensorInfo;
  disposeData(dataId: object, force?: boolean): boolean;
}

// One cwrap per backend instance and export: cwrap builds a closure over the module, and tfjs may
// create a new wasm backend (e.g. after removeBackend), so the cache is keyed by the module.
const wrapped = new WeakMap<WasmModule, Map<string, (...a: unknown[]) => unknown>>();

/**
 * A JS function calling the wasm backend's exported C function `name` (see tfjs-backend-wasm's
 * cc/kernels), wrapped once per backend.
 *
 * @example wasmFunction(backend, 'Transpose', ['number', 'array', 'number', 'number', 'number', 'array', 'number'])
 */
export function wasmFunction(backend: WasmBackend, name: string, args: string[]): (...a: unknown[]) => unknown {
  let m = wrapped.get(backend.wasm);
  if (!m) {
    m = new Map();
    wrapped.set(backend.wasm, m);
  }
  const key = `${name}(${args.join(',')})`;
  let f = m.get(key);
  if (!f) {
    f = backend.wasm.cwrap(name, null, args);
    m.set(key, f);
  }
  return f;
}

/** The id by which the wasm backend's C side knows a tensor. */
export function wasmId(backend: WasmBackend, t: TensorInfo): number {
  return backend.dataIdMap.get(t.dataId).id;
}

/**
 * A Float32Array view of a tensor's data in the wasm heap. Views die when the heap grows, so take
 * them after the last allocation (makeOutput) of a kernel.
 *
 * @example heapF32(backend, x)[0] // => first element of x
 */
export function heapF32(backend: WasmBackend, t: TensorInfo): Float32Array {
  return heapView(backend, t) as Float32Array;
}

/**
 * A typed-array view of a tensor's data in the wasm heap, typed by its dtype (Float32Array,
 * Int32Array, or Uint8Array for bool).
 *
 * @example heapView(backend, indices) instanceof Int32Array // => true for an int32 tensor
 */
export function heapView(backend: WasmBackend, t: TensorInfo): Float32Array | Int32Array | Uint8Array {
  const { memoryOffset, shape, dtype } = backend.dataIdMap.get(t.dataId);
  let size = 1;
  for (const d of shape) size *= d;
  const buffer = heapBuffer(backend);
  if (dtype === 'int32') return new Int32Array(buffer, memoryOffset, size);
  if (dtype === 'bool') return new Uint8Array(buffer, memoryOffset, size);
  if (dtype !== 'float32') throw new Error(`no heap view for dtype ${dtype}`);
  return new Float32Array(buffer, memoryOffset, size);
}

// The threaded build shares a growable memory whose HEAPU8 view the glue refreshes lazily, so the
// memory object, where the module exposes it, is the authority on the current buffer.
function heapBuffer(backend: WasmBackend): ArrayBufferLike {
  const mem = backend.wasm.wasmMemory;
  return mem ? mem.buffer : backend.wasm.HEAPU8.buffer;
}

/**
 * The whole wasm heap as bytes, for the native kernels, which address tensors by their byte
 * offset in it. Like heapF32, take it after the kernel's last makeOutput.
 *
 * @example native.gemm(heapBytes(backend), ...) // offsets from byteOffset(backend, t)
 */
export function heapBytes(backend: WasmBackend): Uint8Array {
  return new Uint8Array(heapBuffer(backend));
}

/**
 * Where a tensor's data start in the wasm heap, in bytes.
 *
 * @example byteOffset(backend, x) % 4 // => 0 for a float32 tensor
 */
export function byteOffset(backend: WasmBackend, t: TensorInfo): number {
  return backend.dataIdMap.get(t.dataId).memoryOffset;
}

/** Shape as the byte array the wasm C functions take for an `int*` argument. */
export function shapeBytes(shape: readonly number[]): Uint8Array {
  return new Uint8Array(new Int32Array(shape).buffer);
}

/**
 * C = A·B for row-major float32 A [m, k] and B [k, n], written into `out` (a tensor of m·n
 * elements): by the native GEMM when it is in use, else by the wasm backend's XNNPACK matmul.
 * Only the untransposed form: tfjs-backend-wasm 4.22 runs transposed operands through a scalar
 * loop 15–30× slower.
 *
 * @example wasmMatMul(backend, a, b, out, 2, 3, 4) // out = a [2,3] · b [3,4]
 */
export function wasmMatMul(
  backend: WasmBackend,
  a: TensorInfo,
  b: TensorInfo,
  out: TensorInfo,
  m: number,
  k: number,
  n: number,
): void {
  const native = nativeKernelsInUse();
  if (native) {
    native.gemm(
      heapBytes(backend),
      m,
      n,
      k,
      byteOffset(backend, a),
      k,
      1,
      byteOffset(backend, b),
      n,
      1,
      byteOffset(backend, out),
      n,
      false,
    );
    return;
  }
  const f = wasmFunction(backend, 'BatchMatMul', [
    'number',
    'array',
    'number',
    'number',
    'array',
    'number',
    'number',
    'number',
    'number',
  ]);
  f(
    wasmId(backend, a),
    shapeBytes([1, m, k]),
    3,
    wasmId(backend, b),
    shapeBytes([1, k, n]),
    3,
    false,
    false,
    wasmId(backend, out),
  );
}

/**
 * out = a ∘ b elementwise with numpy broadcasting, by the wasm backend's C kernel `op` ('Add',
 * 'Multiply', 'Sub', ...), float32. Shapes are passed explicitly so callers can view tensors flat.
 *
 * @example wasmBinary(backend, 'Multiply', x, [M, C], scale, [C], out) // out = x · scale per channel
 */
export function wasmBinary(
  backend: WasmBackend,
  op: string,
  a: TensorInfo,
  aShape: readonly number[],
  b: TensorInfo,
  bShape: readonly number[],
  out: TensorInfo,
): void {
  const f = wasmFunction(backend, op, ['number', 'array', 'number', 'number', 'array', 'number', 'number', 'number']);
  f(
    wasmId(backend, a),
    shapeBytes(aShape),
    aShape.length,
    wasmId(backend, b),
    shapeBytes(bShape),
    bShape.length,
    0,
    wasmId(backend, out),
  );
}

/**
 * out = x transposed by `perm`, float32, by the wasm backend's C Transpose. Axes of length 1 are
 * dropped first (as tfjs does), since the C kernel is faster at lower rank.
 *
 * @example wasmTranspose(backend, x, [1, 0], out) // out = xᵀ for a matrix x
 */
export function wasmTranspose(
  backend: WasmBackend,
  x: TensorInfo,
  shape: readonly number[],
  perm: readonly number[],
  out: TensorInfo,
): void {
  const keep = shape.map((s) => s !== 1);
  const newIndex: number[] = [];
  let k = 0;
  for (let d = 0; d < shape.length; d++) newIndex.push(keep[d] ? k++ : -1);
  const rShape = shape.filter((_, d) => keep[d]);
  const rPerm = perm.filter((p) => keep[p]).map((p) => newIndex[p]);
  const f = wasmFunction(backend, 'Transpose', ['number', 'array', 'number', 'number', 'number', 'array', 'number']);
  if (rShape.length === 0) {
    f(wasmId(backend, x), shapeBytes([1]), 1, 0, wasmId(backend, out), shapeBytes([0]), 1);
    return;
  }
  f(
    wasmId(backend, x),
    shapeBytes(rShape),
    rShape.length,
    0 /* float32 */,
    wasmId(backend, out),
    shapeBytes(rPerm),
    rPerm.length,
  );
}

// The native kernels the wasm registrations use, if any. Like tfjs's kernel registry, of which it
// is a part, this is process-wide: registerExtraKernels sets it together with the kernels, so
// helpers shared by many kernels (wasmMatMul) need no flag threaded through every caller.
let registeredNative: NativeKernels | undefined;

/**
 * Routes the shared helpers (wasmMatMul) through the native kernels, or back (undefined).
 *
 * @example setNativeKernels(loadNativeKernels() as NativeKernels) // registerExtraKernels does this
 */
export function setNativeKernels(native: NativeKernels | undefined): void {
  registeredNative = native;
}

/**
 * The native kernels the wasm registrations use, if any.
 *
 * @example nativeKernelsInUse()?.info().isa // => 'avx512' on this machine
 */
export function nativeKernelsInUse(): NativeKernels | undefined {
  return registeredNative;
}
