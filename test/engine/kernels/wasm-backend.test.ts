import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import {
  byteOffset,
  heapBytes,
  heapF32,
  heapView,
  nativeKernelsInUse,
  shapeBytes,
  wasmBinary,
  wasmMatMul,
  wasmTranspose,
  type WasmBackend,
} from '../../../lib/engine/kernels/wasm-backend';
import { itInEveryMode, itOnWasm, wasmKernelModes, inKernelMode } from '../kernel-harness';

/** A float32 tensor of the wasm backend holding `values`, made and filled as a kernel does. */
function heapTensor(backend: WasmBackend, values: number[], shape: number[]): tf.TensorInfo {
  const t = backend.makeOutput(shape, 'float32');
  heapF32(backend, t).set(values);
  return t;
}

const wasm = (): WasmBackend => tf.engine().findBackend('wasm') as unknown as WasmBackend;

describe('engine/kernels/wasm-backend', () => {
  it('passes shapes to C as little-endian int32 bytes', () => {
    assert.deepEqual([...shapeBytes([3, 256])], [3, 0, 0, 0, 0, 1, 0, 0]);
    assert.deepEqual([...shapeBytes([])], []);
  });

  itInEveryMode('multiplies [2,3]·[3,2] as worked out by hand', () => {
    const b = wasm();
    const a = heapTensor(b, [1, 2, 3, 4, 5, 6], [2, 3]);
    const m = heapTensor(b, [1, 0, 0, 1, 1, 1], [3, 2]);
    const out = b.makeOutput([2, 2], 'float32');
    wasmMatMul(b, a, m, out, 2, 3, 2);
    // Row 1: [1·1 + 3·1, 2·1 + 3·1] = [4, 5]; row 2: [4 + 6, 5 + 6] = [10, 11].
    assert.deepEqual([...heapF32(b, out)], [4, 5, 10, 11]);
    for (const t of [a, m, out]) b.disposeData(t.dataId);
  });

  itOnWasm('broadcasts a per-channel operand in wasmBinary and transposes with wasmTranspose', () => {
    const b = wasm();
    const x = heapTensor(b, [1, 2, 3, 4, 5, 6], [2, 3]);
    const s = heapTensor(b, [10, 100, 1000], [3]);
    const prod = b.makeOutput([2, 3], 'float32');
    wasmBinary(b, 'Multiply', x, [2, 3], s, [3], prod);
    assert.deepEqual([...heapF32(b, prod)], [10, 200, 3000, 40, 500, 6000]);
    const xt = b.makeOutput([3, 2], 'float32');
    // Shape [2, 1, 3] with a unit axis, permuted to [3, 1, 2]: the unit axis is dropped first.
    wasmTranspose(b, x, [2, 1, 3], [2, 1, 0], xt);
    assert.deepEqual([...heapF32(b, xt)], [1, 4, 2, 5, 3, 6]);
    for (const t of [x, s, prod, xt]) b.disposeData(t.dataId);
  });

  itOnWasm('views a tensor in the heap by its dtype, at its byte offset', () => {
    const b = wasm();
    const i = b.makeOutput([3], 'int32');
    const view = heapView(b, i);
    assert.ok(view instanceof Int32Array);
    view.set([7, -1, 9]);
    const bytes = heapBytes(b);
    const at = byteOffset(b, i);
    assert.deepEqual([...new Int32Array(bytes.buffer, at, 3)], [7, -1, 9]);
    const flags = b.makeOutput([2], 'bool');
    assert.ok(heapView(b, flags) instanceof Uint8Array);
    for (const t of [i, flags]) b.disposeData(t.dataId);
  });

  itOnWasm('routes matrix products through the native kernels only in the native mode', async () => {
    for (const mode of wasmKernelModes())
      await inKernelMode(mode, () =>
        assert.equal(nativeKernelsInUse() !== undefined, mode.name === 'native', mode.name),
      );
  });
});
