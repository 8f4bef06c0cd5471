import { strict as assert } from 'assert';
import { loadNativeKernels, nativeThreadsWanted, type NativeKernels } from '../../lib/engine/native';
import { createRng } from './kernel-harness';

// The native module works on byte offsets into one heap; these tests give it a plain one.
function heapOf(...arrays: Float32Array[]): { heap: Uint8Array; offsets: number[] } {
  const total = arrays.reduce((s, a) => s + a.length, 0);
  const f = new Float32Array(total);
  const offsets: number[] = [];
  let at = 0;
  for (const a of arrays) {
    f.set(a, at);
    offsets.push(at * 4);
    at += a.length;
  }
  return { heap: new Uint8Array(f.buffer), offsets };
}
const floats = (heap: Uint8Array, offset: number, n: number) => new Float32Array(heap.buffer, offset, n).slice();
const random = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
};

describe('engine/native', () => {
  let native: NativeKernels;
  before(function () {
    const n = loadNativeKernels();
    if (typeof n === 'string') this.skip();
    native = n as NativeKernels;
  });
  after(() => native?.setThreads(nativeThreadsWanted()));

  it('multiplies a hand example, plain, through transposed strides, and accumulating', () => {
    // A = [[1, 2, 3], [4, 5, 6]], B = [[1, 0], [0, 1], [1, 1]] → A·B = [[4, 5], [10, 11]].
    const { heap, offsets } = heapOf(
      Float32Array.of(1, 2, 3, 4, 5, 6),
      Float32Array.of(1, 0, 0, 1, 1, 1),
      new Float32Array(4),
    );
    native.gemm(heap, 2, 2, 3, offsets[0], 3, 1, offsets[1], 2, 1, offsets[2], 2, false);
    assert.deepEqual(Array.from(floats(heap, offsets[2], 4)), [4, 5, 10, 11]);
    // Aᵀ·A read from A's memory with swapped strides: [[17, 22, 27], [22, 29, 36], [27, 36, 45]].
    const t = heapOf(Float32Array.of(1, 2, 3, 4, 5, 6), new Float32Array(9));
    native.gemm(t.heap, 3, 3, 2, t.offsets[0], 1, 3, t.offsets[0], 3, 1, t.offsets[1], 3, false);
    assert.deepEqual(Array.from(floats(t.heap, t.offsets[1], 9)), [17, 22, 27, 22, 29, 36, 27, 36, 45]);
    native.gemm(heap, 2, 2, 3, offsets[0], 3, 1, offsets[1], 2, 1, offsets[2], 2, true);
    assert.deepEqual(Array.from(floats(heap, offsets[2], 4)), [8, 10, 20, 22]);
  });

  it('agrees with a float64 product on sizes with ragged tiles and a k longer than its slice', () => {
    for (const [m, n, k] of [
      [13, 33, 385],
      [1, 1, 1],
      [25, 64, 160],
      [7, 5, 1000],
    ]) {
      const a = random(m * 100 + n, m * k);
      const b = random(k + 7, k * n);
      const { heap, offsets } = heapOf(a, b, new Float32Array(m * n));
      native.gemm(heap, m, n, k, offsets[0], k, 1, offsets[1], n, 1, offsets[2], n, false);
      const c = floats(heap, offsets[2], m * n);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let ref = 0;
          let scale = 0;
          for (let p = 0; p < k; p++) {
            ref += a[i * k + p] * b[p * n + j];
            scale += Math.abs(a[i * k + p] * b[p * n + j]);
          }
          assert.ok(
            Math.abs(c[i * n + j] - ref) <= 1e-6 * scale + 1e-7,
            `${m}x${n}x${k} at (${i}, ${j}): ${c[i * n + j]} vs ${ref}`,
          );
        }
      }
    }
  });

  it('gives bit-identical convolutions and gradients with 1 and 2 threads', () => {
    // The reference CNN's second layer: batch 64, 93 steps, 32 → 64 channels, kernel 5, same.
    const g = [64, 1, 93, 32, 1, 93, 64, 1, 5, 1, 1, 1, 1, 0, 2];
    const x = random(1, 64 * 93 * 32),
      w = random(2, 5 * 32 * 64),
      dy = random(3, 64 * 93 * 64);
    const run = (threads: number) => {
      native.setThreads(threads);
      const { heap, offsets } = heapOf(
        x,
        w,
        dy,
        new Float32Array(dy.length),
        new Float32Array(x.length),
        new Float32Array(w.length),
      );
      native.conv2d(heap, offsets[0], offsets[1], offsets[3], ...g);
      native.conv2dBackpropInput(heap, offsets[2], offsets[1], offsets[4], ...g);
      native.conv2dBackpropFilter(heap, offsets[0], offsets[2], offsets[5], ...g);
      return [
        floats(heap, offsets[3], dy.length),
        floats(heap, offsets[4], x.length),
        floats(heap, offsets[5], w.length),
      ];
    };
    const one = run(1);
    const two = run(2);
    for (let i = 0; i < 3; i++)
      assert.ok(Buffer.from(one[i].buffer).equals(Buffer.from(two[i].buffer)), `output ${i} differs`);
  });

  it('refuses operands outside the heap and malformed geometry with a message naming the kernel', () => {
    const { heap } = heapOf(new Float32Array(8));
    assert.throws(
      () => native.gemm(heap, 4, 4, 4, 0, 4, 1, 0, 4, 1, 0, 4, false),
      /gemm: an operand lies outside the heap/,
    );
    assert.throws(
      () => native.conv2d(heap, 0, 0, 0, 1, 1, 8, 1, 1, 8, 1, 1, 1, 0, 1, 1, 1, 0, 0),
      /strides and dilations must be >= 1/,
    );
    assert.throws(
      () => native.conv2d(heap, 0, 0, 0, 1, 1, 8, 1, 1, 8, 2, 1, 1, 1, 1, 1, 1, 0, 0),
      /conv2d: a tensor lies outside the heap/,
    );
    assert.throws(() => native.setThreads(0), /setThreads: expected an integer 1..64/);
  });

  it('reads its thread count from ECG_NATIVE_THREADS, else one per core', () => {
    assert.equal(nativeThreadsWanted({ ECG_NATIVE_THREADS: '3' }), 3);
    assert.equal(nativeThreadsWanted({ ECG_NATIVE_THREADS: 'many' }), 1);
    assert.equal(nativeThreadsWanted({}), require('os').cpus().length);
    assert.equal(loadNativeKernels({ ECG_NATIVE: '0' }), 'ECG_NATIVE=0');
  });
});
