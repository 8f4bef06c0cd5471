import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/engine';
import { adam } from '../../lib/engine/fused-adam';
import { adamStep } from '../../lib/engine/kernels/adam-kernels';
import { createRng, randomTensor, runKernelOn } from './kernel-harness';

describe('engine/fusedAdam', () => {
  it('takes the first Adam step worked out by hand', () => {
    // t = 1, g = 2, m = v = 0: m' = 0.1·2 = 0.2, v' = 0.001·4 = 0.004, m̂ = 0.2/0.1 = 2,
    // v̂ = 0.004/0.001 = 4, x' = 1 − 0.01·2/(√4 + 1e-7) ≈ 1 − 0.01 = 0.99.
    const out = [new Float32Array(1), new Float32Array(1), new Float32Array(1)];
    const k = Float32Array.from([0.9, 1 - 0.9, 0.999, 1 - 0.999, 1 - 0.9, 1 - 0.999, 1e-7, -0.01]);
    adamStep(Float32Array.of(1), Float32Array.of(2), Float32Array.of(0), Float32Array.of(0), k, out[0], out[1], out[2]);
    assert.ok(
      Math.abs(out[0][0] - 0.99) < 1e-6 && Math.abs(out[1][0] - 0.2) < 1e-7 && Math.abs(out[2][0] - 0.004) < 1e-8,
    );
  });

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

  it('has a kernel that agrees between the wasm and cpu backends', async function () {
    if ((await initBackend()).backend !== 'wasm') this.skip();
    const rng = createRng(2);
    const v = randomTensor(rng, [17]);
    v.values = v.values.map(Math.abs);
    const inputs = {
      x: randomTensor(rng, [17]),
      g: randomTensor(rng, [17]),
      m: randomTensor(rng, [17]),
      v,
      k: { values: Float32Array.from([0.9, 0.1, 0.999, 0.001, 0.19, 0.002, 1e-7, -0.001]), shape: [8] },
    };
    assert.deepEqual(
      [...runKernelOn('wasm', 'EcgAdamUpdate', inputs, {}).values],
      [...runKernelOn('cpu', 'EcgAdamUpdate', inputs, {}).values],
    );
  });
});
