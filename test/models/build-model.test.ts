import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/engine';
import { ARCHITECTURES, buildModel, defaultModelConfig, type ModelConfig } from '../../lib/models';

// Small versions of each architecture, so the shape tests run in well under a second each.
function small(arch: ModelConfig['arch'], extra: Partial<ModelConfig> = {}): ModelConfig {
  const base = defaultModelConfig(arch);
  return {
    ...base,
    inputLength: 32,
    convBlocks: base.convBlocks.map((b) => ({ ...b, filters: 4 })),
    lstmUnits: base.lstmUnits.map((u) => Math.max(2, u / 16)),
    dense: base.dense.map(() => 8),
    ...extra,
  };
}

function weightsOf(model: tf.LayersModel): Float32Array[] {
  return model.getWeights().map((w) => w.dataSync() as Float32Array);
}

describe('models/buildModel', () => {
  before(async () => {
    await initBackend();
  });

  for (const arch of ARCHITECTURES) {
    it(`${arch}: softmax head gives [batch, numClasses] probabilities summing to 1`, () => {
      const model = buildModel(small(arch, { numClasses: 5 }));
      assert.deepEqual(model.inputs[0].shape, [null, 32, 1]);
      assert.deepEqual(model.outputs[0].shape, [null, 5]);
      const y = tf.tidy(() => model.predict(tf.randomNormal([3, 32, 1], 0, 1, 'float32', 7)) as tf.Tensor);
      assert.deepEqual(y.shape, [3, 5]);
      const sums = y.sum(1).dataSync();
      for (const s of sums) assert.ok(Math.abs(s - 1) < 1e-5, `row sum ${s}`);
      y.dispose();
      model.dispose();
    });

    it(`${arch}: binary head is one sigmoid unit in (0, 1)`, () => {
      const model = buildModel(small(arch, { numClasses: 2 }));
      assert.deepEqual(model.outputs[0].shape, [null, 1]);
      const y = tf.tidy(() => model.predict(tf.randomNormal([2, 32, 1], 0, 1, 'float32', 3)) as tf.Tensor);
      for (const p of y.dataSync()) assert.ok(p > 0 && p < 1);
      y.dispose();
      model.dispose();
    });
  }

  it('side features become a second input of shape [batch, sideFeatures]', () => {
    const model = buildModel(small('custom-cnn', { sideFeatures: 4, channels: 2 }));
    assert.deepEqual(
      model.inputs.map((i) => i.shape),
      [
        [null, 32, 2],
        [null, 4],
      ],
    );
    const y = tf.tidy(() => model.predict([tf.zeros([2, 32, 2]), tf.ones([2, 4])]) as tf.Tensor);
    assert.deepEqual(y.shape, [2, 5]);
    y.dispose();
    model.dispose();
  });

  for (const arch of ARCHITECTURES) {
    it(`${arch}: the same seed gives identical initial weights, another seed different ones`, () => {
      const a = buildModel(small(arch, { seed: 11 }));
      const b = buildModel(small(arch, { seed: 11 }));
      const c = buildModel(small(arch, { seed: 12 }));
      const wa = weightsOf(a);
      const wb = weightsOf(b);
      const wc = weightsOf(c);
      assert.equal(wa.length, wb.length);
      wa.forEach((w, i) => assert.deepEqual(w, wb[i], `weight ${i} differs for equal seeds`));
      // Kernels (random) must differ; biases and BN parameters are constants and may be equal.
      const differing = wa.filter((w, i) => w.some((v, j) => v !== wc[i][j])).length;
      assert.ok(differing >= 2, `only ${differing} weights differ between seeds 11 and 12`);
      [a, b, c].forEach((m) => m.dispose());
    });
  }
});
