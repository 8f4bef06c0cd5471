import { strict as assert } from 'assert';
import * as os from 'os';
import * as workerThreads from 'worker_threads';
import { initBackend, tf } from '../../lib/engine';
import { prepareWasmThreads, wasmThreadsWanted } from '../../lib/engine/wasm-threads';

describe('engine/wasm-threads', () => {
  it('reads the XNNPACK thread count from ECG_WASM_THREADS: 1 by default or when malformed, at most 8', () => {
    assert.equal(wasmThreadsWanted({}), 1);
    assert.equal(wasmThreadsWanted({ ECG_WASM_THREADS: '2' }), 2);
    assert.equal(wasmThreadsWanted({ ECG_WASM_THREADS: '64' }), 8);
    for (const bad of ['0', '-2', '1.5', 'two', '']) assert.equal(wasmThreadsWanted({ ECG_WASM_THREADS: bad }), 1, bad);
  });

  it('reports 2 × threads cores and wraps Worker while prepared, and undoes both', async () => {
    // The backend starts first, so the thread flag set here cannot change the build this process runs.
    await initBackend();
    const flag = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
    const Worker = workerThreads.Worker;
    const cpus = os.cpus;
    const undo = prepareWasmThreads(5);
    try {
      assert.ok(os.cpus().length >= 10, `${os.cpus().length} cores reported`);
      assert.notEqual(workerThreads.Worker, Worker);
      assert.equal(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT'), true);
    } finally {
      undo();
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', flag);
    }
    assert.equal(workerThreads.Worker, Worker);
    assert.equal(os.cpus, cpus);
    assert.equal(os.cpus().length, cpus().length);
  });
});
