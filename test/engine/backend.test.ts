import { strict as assert } from 'assert';
import { initBackend, describeBackend, tf } from '../../lib/engine';

describe('engine/backend', () => {
  it('chooses one backend per process and computes with it', async () => {
    const a = await initBackend();
    const b = await initBackend();
    assert.equal(a, b);
    assert.equal(tf.getBackend(), a.backend);
    assert.match(describeBackend(a), /^tfjs 4\.\d+\.\d+ on (tensorflow|wasm|cpu)/);
    const y = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])).dataSync()[0]);
    assert.equal(y, 11); // 1·3 + 2·4
  });
});
