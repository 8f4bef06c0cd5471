import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { hostKernelConfigs } from '../../../lib/engine/kernels/host-kernel';
import { initBackend } from '../../../lib/engine';
import { runKernelOn, wasmActive } from '../kernel-harness';

// A kernel written once in JS: y = a + scale·b elementwise, and the total of a as a second output.
const configs = hostKernelConfigs(
  {
    kernelName: 'EcgTestAxpy',
    outputs: (shapes) => [{ shape: shapes[0] }, { shape: [1] }],
    run: ([a, b], _shapes, [y, total], attrs) => {
      const scale = attrs.scale as number;
      let s = 0;
      for (let i = 0; i < a.length; i++) {
        y[i] = a[i] + scale * b[i];
        s += a[i];
      }
      total[0] = s;
    },
  },
  ['a', 'b'],
);

describe('engine/kernels/host-kernel', () => {
  before(async () => {
    await initBackend();
    for (const k of configs) tf.registerKernel(k);
  });
  after(() => {
    for (const k of configs) tf.unregisterKernel(k.kernelName, k.backendName);
  });

  const inputs = {
    // Given in the order b, a: the kernel takes them in the order of its input names, not of the record.
    b: { values: Float32Array.of(1, 1, 2, 2), shape: [2, 2] },
    a: { values: Float32Array.of(1, 2, 3, 4), shape: [2, 2] },
  };

  it('gives one config for wasm and one for cpu under the kernel name', () => {
    assert.deepEqual(
      configs.map((k) => [k.kernelName, k.backendName]),
      [
        ['EcgTestAxpy', 'wasm'],
        ['EcgTestAxpy', 'cpu'],
      ],
    );
  });

  it('runs the body on the cpu backend with the declared output shapes and the attributes', () => {
    const out = runKernelOn('cpu', 'EcgTestAxpy', inputs, { scale: 10 });
    // y = [1 + 10, 2 + 10, 3 + 20, 4 + 20], then the total 1 + 2 + 3 + 4.
    assert.deepEqual([...out.values], [11, 12, 23, 24, 10]);
    assert.deepEqual(out.shape, [2, 2]);
  });

  it('gives the same values on the wasm backend, working in the wasm heap', async function () {
    if (!(await wasmActive())) this.skip();
    assert.deepEqual([...runKernelOn('wasm', 'EcgTestAxpy', inputs, { scale: -1 }).values], [0, 1, 1, 2, 10]);
  });

  it('runs through tf.engine as an op with both outputs as tensors', () => {
    const [y, total] = tf.engine().runKernel('EcgTestAxpy', { a: tf.tensor1d([1, 2]), b: tf.tensor1d([3, 4]) }, {
      scale: 2,
    } as unknown as tf.NamedAttrMap) as tf.Tensor[];
    assert.deepEqual([...y.dataSync()], [7, 10]);
    assert.deepEqual([...total.dataSync()], [3]);
    tf.dispose([y, total]);
  });
});
