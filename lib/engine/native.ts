import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../common';

/** The functions of the project's native module (lib/engine/native/src/addon.cc). */
export interface NativeKernels {
  /** C = A·B (+C), operands at byte offsets in `heap` with (row, column) strides in elements. */
  gemm(
    heap: Uint8Array,
    m: number,
    n: number,
    k: number,
    aOff: number,
    aRs: number,
    aCs: number,
    bOff: number,
    bRs: number,
    bCs: number,
    cOff: number,
    ldc: number,
    accumulate: boolean,
  ): void;
  /** Geometry: batch, inH, inW, inC, outH, outW, outC, filterH, filterW, strideH, strideW, dilationH, dilationW, padTop, padLeft. */
  conv2d(heap: Uint8Array, xOff: number, wOff: number, yOff: number, ...geometry: number[]): void;
  conv2dBackpropInput(heap: Uint8Array, dyOff: number, wOff: number, dxOff: number, ...geometry: number[]): void;
  conv2dBackpropFilter(heap: Uint8Array, xOff: number, dyOff: number, dwOff: number, ...geometry: number[]): void;
  /** Per-channel mean and biased variance of x viewed as [rows, C]. */
  channelMoments(heap: Uint8Array, xOff: number, rows: number, C: number, meanOff: number, varianceOff: number): void;
  /** Σdy and Σdy·(x − mean) per channel over [rows, C]. */
  batchNormGradSums(
    heap: Uint8Array,
    xOff: number,
    dyOff: number,
    meanOff: number,
    rows: number,
    C: number,
    sumDyOff: number,
    sumDyXmuOff: number,
  ): void;
  /** y = x·scale[c] + shift[c] (an offset of −1 leaves that operand out), then ReLU (NaN kept) when asked. */
  scaleShift(
    heap: Uint8Array,
    xOff: number,
    scaleOff: number,
    shiftOff: number,
    rows: number,
    C: number,
    relu: boolean,
    yOff: number,
  ): void;
  /** out[o, j] = scale · Σ_r x[o, r, j] for x viewed as [outer, mid, inner] (float64 sums in row order). */
  sumMiddle(
    heap: Uint8Array,
    xOff: number,
    outer: number,
    mid: number,
    inner: number,
    scale: number,
    yOff: number,
  ): void;
  /** Geometry: batch, inH, inW, C, outH, outW, effective filterH, filterW, strideH, strideW, dilationH, dilationW, padTop, padLeft. */
  maxPool(heap: Uint8Array, xOff: number, yOff: number, ...geometry: number[]): void;
  maxPoolGrad(heap: Uint8Array, xOff: number, dyOff: number, dxOff: number, ...geometry: number[]): void;
  setThreads(n: number): void;
  info(): { isa: string; threads: number; hardwareThreads: number };
}

/**
 * The native module's file, built by `npm run setup` (scripts/build-native.js).
 *
 * @example nativeModulePath() // => '<repo>/lib/engine/native/build/ecg_native.node'
 */
export function nativeModulePath(): string {
  return path.join(repoRoot(), 'lib', 'engine', 'native', 'build', 'ecg_native.node');
}

/**
 * Threads for the native kernels: ECG_NATIVE_THREADS when set, else one per core.
 *
 * @example nativeThreadsWanted({ ECG_NATIVE_THREADS: '1' }) // => 1
 */
export function nativeThreadsWanted(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.ECG_NATIVE_THREADS ?? os.cpus().length);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 64) : 1;
}

/**
 * Loads the native kernels (im2col + packed GEMM in C++, compiled for this machine's vector
 * unit), or says why not: ECG_NATIVE=0, or the module was not built (no C++ compiler or Node
 * headers). The engine then keeps to tfjs-backend-wasm's own kernels and the project's JS ones.
 *
 * @example const n = loadNativeKernels(); typeof n === 'string' ? console.log(n) : n.info().isa // => 'avx512'
 */
export function loadNativeKernels(env: NodeJS.ProcessEnv = process.env): NativeKernels | string {
  if (env.ECG_NATIVE === '0') return 'ECG_NATIVE=0';
  const file = nativeModulePath();
  if (!fs.existsSync(file))
    return `${path.relative(process.cwd(), file)} is not built (npm run setup builds it with g++)`;
  try {
    const m = module.require(file) as NativeKernels;
    m.setThreads(nativeThreadsWanted(env));
    return m;
  } catch (e) {
    return `${file} failed to load: ${(e as Error).message.split('\n')[0]}`;
  }
}
