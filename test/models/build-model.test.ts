import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/engine';
import { ARCHITECTURES, buildModel, defaultModelConfig, resolveModelConfig, type ModelConfig } from '../../lib/models';

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

  it('the stacked LSTM default is LSTM 128 → 64 → 32 then dense 64 and 32', () => {
    const model = buildModel({ ...defaultModelConfig('stacked-lstm'), inputLength: 16 });
    const units = model.layers
      .filter((l) => l.getClassName() === 'LSTM')
      .map((l) => (l.getConfig() as { units: number }).units);
    assert.deepEqual(units, [128, 64, 32]);
    const dense = model.layers
      .filter((l) => l.getClassName() === 'Dense')
      .map((l) => (l.getConfig() as { units: number }).units);
    assert.deepEqual(dense, [64, 32, 5]);
    assert.equal(model.layers.filter((l) => l.getClassName() === 'BatchNormalization').length, 3);
    model.dispose();
  });

  it('batchNorm: false leaves out every BatchNormalization layer and gives convolutions a bias', () => {
    const model = buildModel(small('cnn1d', { batchNorm: false }));
    assert.equal(model.layers.filter((l) => l.getClassName() === 'BatchNormalization').length, 0);
    const conv = model.layers.find((l) => l.getClassName() === 'Conv1D')!;
    assert.equal(conv.getWeights().length, 2);
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

  it('the two directions of a BiLSTM start from different kernels', () => {
    const model = buildModel(small('cnn-bilstm'));
    const bidi = model.layers.find((l) => l.getClassName() === 'Bidirectional')!;
    const w = bidi.getWeights().map((t) => t.dataSync());
    // Bidirectional's weights: forward [kernel, recurrent, bias], then backward [kernel, recurrent, bias].
    assert.equal(w.length, 6);
    assert.notDeepEqual(Array.from(w[0]), Array.from(w[3]));
    assert.notDeepEqual(Array.from(w[1]), Array.from(w[4]));
    model.dispose();
  });

  it('resolveModelConfig fills defaults and names a bad key by its path', () => {
    assert.equal(resolveModelConfig({ arch: 'cnn1d', numClasses: 2 }).convBlocks.length, 3);
    assert.throws(() => resolveModelConfig({ arch: 'cnn1d', filtres: 3 }), /model\.filtres: unknown key/);
    assert.throws(
      () => resolveModelConfig({ arch: 'cnn1d', convBlocks: [{ filters: 'many', kernelSize: 3, poolSize: 2 }] }),
      /model\.convBlocks\[0\]\.filters: expected a positive integer, got "many"/,
    );
    assert.throws(
      () => resolveModelConfig({ arch: 'cnn1d', dropout: 1 }),
      /model\.dropout: expected a number in \[0, 1\)/,
    );
    assert.throws(() => resolveModelConfig({ arch: 'cnn1d', head: 'sigmoid', numClasses: 3 }), /model\.head/);
    assert.throws(() => resolveModelConfig({ arch: 'resnet' }), /model\.arch: expected one of/);
  });
});
