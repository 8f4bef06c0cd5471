import * as tf from '@tensorflow/tfjs';
import * as path from 'path';

type WorkerCtor = new (
  url: string | URL,
  opts?: Record<string, unknown>,
) => { postMessage(msg: unknown, transfer?: unknown): void };

/**
 * Prepares tfjs-backend-wasm's threaded SIMD build to start under Node with `threads` XNNPACK
 * threads; call before tf.setBackend('wasm') and call the returned function after it (success or
 * not) to undo the temporary patches. Three obstacles are worked around:
 * - tfjs reports no thread support under Node (flag WASM_HAS_MULTITHREAD_SUPPORT), so it is set;
 * - emscripten starts its pthread workers from a `blob:` URL, which Node's worker_threads refuse
 *   (ERR_WORKER_PATH): worker_threads.Worker is wrapped so that such a worker is started from the
 *   worker script's source instead (eval), and the main script the worker then loads is given as
 *   its file path instead of a Blob;
 * - the C side caps the pool at half of the logical cores emscripten reports (os.cpus()), i.e. at
 *   one thread on a 2-core machine, so os.cpus() reports 2 × `threads` entries while it starts.
 *
 * @example const undo = prepareWasmThreads(2); await tf.setBackend('wasm'); undo();
 */
export function prepareWasmThreads(threads: number): () => void {
  const wasmPkg = require('@tensorflow/tfjs-backend-wasm') as { setThreadsCount(n: number): void };
  const dir = path.dirname(
    require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js'),
  );
  const mainScript = path.join(dir, 'tfjs-backend-wasm-threaded-simd.js');
  // The worker source is a JS string whose "\n" escapes became real newlines; tfjs itself escapes
  // them back before making its Blob.
  const workerSource = (
    require(path.join(dir, 'tfjs-backend-wasm-threaded-simd.worker.js')) as { wasmWorkerContents: string }
  ).wasmWorkerContents.replace(/\n/g, '\\n');

  const wt = require('worker_threads') as { Worker: WorkerCtor };
  const os = require('os') as { cpus: () => unknown[] };
  const OriginalWorker = wt.Worker;
  const originalCpus = os.cpus;

  class PthreadWorker extends OriginalWorker {
    constructor(url: string | URL, opts?: Record<string, unknown>) {
      if (typeof url === 'string' && url.startsWith('blob:')) super(workerSource, { ...opts, eval: true });
      else super(url, opts);
    }
    postMessage(msg: unknown, transfer?: unknown): void {
      const m = msg as { cmd?: string; urlOrBlob?: unknown } | null;
      if (m && m.cmd === 'load' && typeof m.urlOrBlob !== 'string') msg = { ...m, urlOrBlob: mainScript };
      super.postMessage(msg, transfer);
    }
  }

  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  wasmPkg.setThreadsCount(threads);
  wt.Worker = PthreadWorker;
  os.cpus = () => {
    const c = originalCpus();
    return Array.from({ length: Math.max(c.length, 2 * threads) }, (_, i) => c[i % c.length]);
  };
  return () => {
    wt.Worker = OriginalWorker;
    os.cpus = originalCpus;
  };
}

/**
 * The XNNPACK thread count for the wasm backend: ECG_WASM_THREADS when set (1 = the single-threaded
 * build), else 1. Threads pay off only on idle cores; on a machine shared with other jobs they can
 * make runs slower, hence opt-in.
 *
 * @example wasmThreadsWanted({ ECG_WASM_THREADS: '2' }) // => 2
 */
export function wasmThreadsWanted(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.ECG_WASM_THREADS ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 8) : 1;
}
