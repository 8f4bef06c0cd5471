import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/engine';
import { adam } from '../../lib/engine/fused-adam';
import { createRng, randomTensor } from './kernel-harness';

describe('engine/fusedAdam', () => {
  it('trains a model to bit-identical weights and optimizer state as tf.train.adam', async () => {
    await initBackend();
    const make = () => {
      const input = tf.input({ shape: [6] });
      const h = tf.layers
        .dense({ units: 8, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) })
        .apply(input);
      const out = tf.layers
        .dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) })
        .apply(h);
      return tf.model({ inputs: input, outputs: out as tf.SymbolicTensor });
    };
    const rng = createRng(9);
    const x = tf.tensor(randomTensor(rng, [32, 6]).values, [32, 6]);
    const y = tf.oneHot(
      tf.tensor1d(
        Array.from({ length: 32 }, (_, i) => i % 3),
        'int32',
      ),
      3,
    );
    const a = make();
    const b = make();
    const stock = tf.train.adam(0.01);
    const fused = adam(0.01);
    a.compile({ optimizer: stock, loss: 'categoricalCrossentropy' });
    b.compile({ optimizer: fused, loss: 'categoricalCrossentropy' });
    for (let step = 0; step < 5; step++) {
      await a.trainOnBatch(x, y);
      await b.trainOnBatch(x, y);
    }
    const wa = a.getWeights();
    const wb = b.getWeights();
    for (let i = 0; i < wa.length; i++) assert.deepEqual([...wb[i].dataSync()], [...wa[i].dataSync()], `weight ${i}`);
    const sa = await stock.getWeights();
    const sb = await fused.getWeights();
    assert.equal(sb.length, sa.length);
    for (let i = 0; i < sa.length; i++)
      assert.deepEqual([...sb[i].tensor.dataSync()], [...sa[i].tensor.dataSync()], sa[i].name);
  });
});
