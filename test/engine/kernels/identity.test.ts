import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { identityWasm } from '../../../lib/engine/kernels/identity';
import { itOnWasm } from '../kernel-harness';

describe('engine/kernels/identity', () => {
  it('replaces Identity on the wasm backend', () => {
    assert.deepEqual([identityWasm.kernelName, identityWasm.backendName], ['Identity', 'wasm']);
  });

  itOnWasm('shares the input buffer instead of copying it, and keeps it alive after the input is disposed', () => {
    const x = tf.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    const buffers = tf.memory().numDataBuffers;
    const y = tf.clone(x);
    assert.equal(tf.memory().numDataBuffers, buffers, 'no new buffer');
    assert.equal(y.dataId, x.dataId);
    x.dispose();
    assert.deepEqual(y.arraySync(), [
      [1, 2],
      [3, 4],
    ]);
    y.dispose();
    assert.equal(tf.memory().numDataBuffers, buffers - 1, 'the buffer is freed with its last tensor');
  });

  itOnWasm('passes gradients through tf.clone (the op tfjs saves activations with) unchanged', () => {
    const g = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.clone(a), tf.scalar(3))))(tf.tensor1d([1, -2]));
    assert.deepEqual([...g.dataSync()], [3, 3]);
  });
});
