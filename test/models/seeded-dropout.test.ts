import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/engine';
import { SeededDropout } from '../../lib/models';

describe('models/seededDropout', () => {
  before(async () => {
    await initBackend();
  });

  it('is the identity at inference and zeroes about `rate` of the values, scaling the rest by 1/(1-rate), in training', () => {
    const layer = new SeededDropout({ rate: 0.25, seed: 5 });
    const x = tf.ones([1000]);
    assert.deepEqual(Array.from((layer.apply(x) as tf.Tensor).dataSync()), Array.from(x.dataSync()));
    const y = (layer.apply(x, { training: true }) as tf.Tensor).dataSync();
    const zeros = y.filter((v) => v === 0).length;
    // 1000 Bernoulli(0.25) draws: mean 250, sd √(1000·0.25·0.75) ≈ 13.7; ±5 sd.
    assert.ok(zeros > 180 && zeros < 320, `${zeros} zeros`);
    for (const v of y) assert.ok(v === 0 || Math.abs(v - 1 / 0.75) < 1e-6);
  });

  it('draws a new mask each step, and the same sequence again after reseed', () => {
    const layer = new SeededDropout({ rate: 0.5, seed: 9 });
    const x = tf.ones([64]);
    const step = () => Array.from((layer.apply(x, { training: true }) as tf.Tensor).dataSync());
    layer.reseed(3);
    const first = [step(), step()];
    assert.notDeepEqual(first[0], first[1]);
    layer.reseed(3);
    assert.deepEqual([step(), step()], first);
    layer.reseed(4);
    assert.notDeepEqual(step(), first[0]);
  });
});
