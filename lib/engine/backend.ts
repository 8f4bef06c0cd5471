import * as tf from '@tensorflow/tfjs';
import { registerExtraKernels } from './kernels';
import { prepareWasmThreads, wasmThreadsWanted } from './wasm-threads';
import { loadNativeKernels, type NativeKernels } from './native';

/** Which tfjs backend a run uses, and how it came to be chosen. */
export interface BackendInfo {
  /** 'tensorflow' (tfjs-node), 'wasm' or 'cpu'. */
  backend: string;
  /** Threads the backend computes with. */
  threads: number;
  /** Whether the wasm backend runs its SIMD build. */
  simd: boolean;
  /** tfjs version. */
  tfjs: string;
  /** The native kernels serving the wasm backend (convolutions and matrix products), if any. */
  native?: { isa: string; threads: number };
  /** Backends that were tried and why they were not taken (and why there are no native kernels). */
  skipped: { backend: string; reason: string }[];
}

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

let chosen: Promise<BackendInfo> | undefined;

/**
 * Stops tfjs's cpu backend from printing "Hi, looks like you are running TensorFlow.js in
 * Node.js… install our node backend" the first time it holds a tensor: the project chooses its
 * engine itself and every run states it (describeBackend). Runs when this module loads, before
 * any tensor exists, and again when a backend is chosen.
 *
 * @example quietCpuBackend() // => true once the cpu backend exists and is silenced
 */
export function quietCpuBackend(): boolean {
  try {
    const cpu = tf.findBackend('cpu') as { firstUse?: boolean } | null;
    if (!cpu || typeof cpu.firstUse !== 'boolean') return false;
    cpu.firstUse = false;
    return true;
  } catch {
    return false;
  }
}
quietCpuBackend();

function tryRequire(name: string): unknown {
  try {
    // A plain require so bundlers and tsc leave the optional package alone when it is absent.
    return module.require(name);
  } catch (e) {
    return e as Error;
  }
}

/**
 * Chooses the tfjs backend once per process: tfjs-node where it is installed, else wasm, else
 * cpu. `ECG_BACKEND` (tensorflow | wasm | cpu) forces one. On wasm, convolutions and matrix
 * products run on the project's native kernels where `npm run setup` could build them
 * (`ECG_NATIVE=0` turns them off, `ECG_NATIVE_THREADS=n` sets their threads); `ECG_WASM_THREADS=n`
 * runs wasm's threaded build with n XNNPACK threads instead (see wasm-threads.ts). Later calls return the same choice,
 * because tfjs holds one engine per process.
 *
 * @example (await initBackend()).backend // => 'wasm' on a machine without tfjs-node
 */
export function initBackend(prefer?: BackendName): Promise<BackendInfo> {
  if (!chosen) chosen = choose(prefer ?? (process.env.ECG_BACKEND as BackendName | undefined));
  return chosen;
}

async function choose(prefer?: BackendName): Promise<BackendInfo> {
  quietCpuBackend();
  const skipped: { backend: string; reason: string }[] = [];
  const order: BackendName[] = prefer ? [prefer] : ['tensorflow', 'wasm', 'cpu'];
  for (const name of order) {
    const native = name === 'wasm' ? nativeForWasm(skipped) : undefined;
    const reason = await activate(name, native);
    if (reason === undefined) {
      const n = native?.info();
      return {
        backend: tf.getBackend(),
        threads: name === 'wasm' ? wasmThreads() : name === 'cpu' ? 1 : require('os').cpus().length,
        simd:
          name === 'wasm'
            ? Boolean(tf.env().getAsync ? await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') : false)
            : false,
        tfjs: tf.version.tfjs,
        ...(n ? { native: { isa: n.isa, threads: n.threads } } : {}),
        skipped,
      };
    }
    skipped.push({ backend: name, reason });
  }
  throw new Error(`no tfjs backend could start: ${skipped.map((s) => `${s.backend} (${s.reason})`).join('; ')}`);
}

// The native kernels, unless wasm threads were asked for: those run XNNPACK in a shared memory
// that the native module does not address, and the two would compete for the same cores.
function nativeForWasm(skipped: BackendInfo['skipped']): NativeKernels | undefined {
  if (wasmThreadsWanted() > 1) {
    skipped.push({ backend: 'native kernels', reason: 'ECG_WASM_THREADS > 1 runs XNNPACK threads instead' });
    return undefined;
  }
  const n = loadNativeKernels();
  if (typeof n === 'string') {
    skipped.push({ backend: 'native kernels', reason: n });
    return undefined;
  }
  return n;
}

async function activate(name: BackendName, native?: NativeKernels): Promise<string | undefined> {
  if (name === 'tensorflow') {
    // danfojs-node's override maps its tfjs-node to plain tfjs, and npm may hoist that alias to the
    // top level, so the name can resolve to a package that is not tfjs-node at all.
    const pkg = tryRequire('@tensorflow/tfjs-node/package.json') as { name?: string } | Error;
    if (pkg instanceof Error || pkg.name !== '@tensorflow/tfjs-node')
      return 'package @tensorflow/tfjs-node is not installed';
    const r = tryRequire('@tensorflow/tfjs-node');
    if (r instanceof Error) return `@tensorflow/tfjs-node failed to load: ${r.message}`;
  } else if (name === 'wasm') {
    const r = tryRequire('@tensorflow/tfjs-backend-wasm');
    if (r instanceof Error) return `@tensorflow/tfjs-backend-wasm failed to load: ${r.message}`;
    registerExtraKernels('wasm', native);
  } else {
    registerExtraKernels('cpu');
  }
  const threads = name === 'wasm' ? wasmThreadsWanted() : 1;
  if (threads > 1) {
    const undo = prepareWasmThreads(threads);
    const reason = await start(name);
    undo();
    if (reason === undefined) return undefined;
    // The threaded build failed to start: fall back to the single-threaded one.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    (tryRequire('@tensorflow/tfjs-backend-wasm') as { setThreadsCount(n: number): void }).setThreadsCount(-1);
  }
  return start(name);
}

async function start(name: BackendName): Promise<string | undefined> {
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return `tf.setBackend('${name}') returned false`;
    await tf.ready();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

function wasmThreads(): number {
  try {
    // Present only when the wasm backend was built with threads and they started.
    const wasm = tryRequire('@tensorflow/tfjs-backend-wasm') as { getThreadsCount?: () => number };
    return typeof wasm.getThreadsCount === 'function' ? wasm.getThreadsCount() : 1;
  } catch {
    return 1;
  }
}

/**
 * A one-line description of the engine, printed by every run so its numbers say where they came from.
 *
 * @example describeBackend(await initBackend()) // => 'tfjs 4.22.0 on wasm (1 thread, SIMD)'
 */
export function describeBackend(info: BackendInfo): string {
  const t = `${info.threads} thread${info.threads === 1 ? '' : 's'}`;
  const n = info.native
    ? ` + native kernels (${info.native.isa}, ${info.native.threads} thread${info.native.threads === 1 ? '' : 's'})`
    : '';
  return `tfjs ${info.tfjs} on ${info.backend} (${t}${info.simd ? ', SIMD' : ''})${n}`;
}

/**
 * What a result file records about the engine that produced it: the backend's name and the
 * one-line description. Notebooks spread it into the JSON they write, so every figure on disk
 * says where it came from without each notebook spelling it out.
 *
 * @example await describeRun() // => { backend: 'wasm', engine: 'tfjs 4.22.0 on wasm (1 thread, SIMD) + native kernels (avx512, 2 threads)' }
 */
export async function describeRun(): Promise<{ backend: string; engine: string }> {
  const info = await initBackend();
  return { backend: info.backend, engine: describeBackend(info) };
}
