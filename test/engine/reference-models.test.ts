import { strict as assert } from 'assert';
import { initBackend, tf } from '../../lib/engine';
import { referenceModel, REFERENCE_INPUT, REFERENCE_MODELS } from '../../lib/engine/reference-models';

describe('engine/reference-models', () => {
  before(async () => {
    await initBackend();
  });

  it('builds the three reference models with the stated layer sequence and 5 outputs', async () => {
    await initBackend();
    const classes = (name: (typeof REFERENCE_MODELS)[number]) => {
      const m = referenceModel(name, 1);
      const names = m.layers.map((l) => l.getClassName());
      m.dispose();
      return names;
    };
    // input, 2 × (Conv1D, BN, ReLU, MaxPool), GAP, Dense
    assert.deepEqual(classes('cnn'), [
      'InputLayer',
      'Conv1D',
      'BatchNormalization',
      'ReLU',
      'MaxPooling1D',
      'Conv1D',
      'BatchNormalization',
      'ReLU',
      'MaxPooling1D',
      'GlobalAveragePooling1D',
      'Dense',
    ]);
    assert.deepEqual(classes('cnnBilstm').slice(9), ['Conv1D', 'ReLU', 'MaxPooling1D', 'Bidirectional', 'Dense']);
    assert.deepEqual(classes('lstm'), ['InputLayer', 'LSTM', 'Dense']);
    for (const name of REFERENCE_MODELS) {
      const m = referenceModel(name, 1);
      assert.deepEqual(m.outputShape, [null, 5]);
      m.dispose();
    }
  });

  it('has the parameter counts that the layer sizes give by hand', () => {
    // Conv1D(32, 5) on 1 channel: 5·1·32 + 32 = 192; BN(32): 4·32 = 128 (γ, β, moving mean and variance);
    // Conv1D(64, 5) on 32: 5·32·64 + 64 = 10,304; BN(64): 256; Dense(5) on 64: 64·5 + 5 = 325.
    const blocks = 192 + 128 + 10304 + 256;
    // LSTM(U) on D inputs: 4·(U·(D + U) + U). cnnBilstm: Conv1D(64, 5) on 64: 20,544; BiLSTM(32) on 64: 2·12,416.
    const expected = {
      cnn: blocks + 325,
      cnnBilstm: blocks + 20544 + 2 * 4 * (32 * (64 + 32) + 32) + 325,
      lstm: 4 * (64 * (1 + 64) + 64) + 325,
    };
    for (const name of REFERENCE_MODELS) {
      const m = referenceModel(name, 1);
      assert.equal(m.countParams(), expected[name], name);
      assert.deepEqual(m.inputs[0].shape, [null, REFERENCE_INPUT.steps, REFERENCE_INPUT.channels]);
      m.dispose();
    }
  });

  it('draws the same initial weights for the same seed and other weights for another', () => {
    const weights = (seed: number): Float32Array[] => {
      const m = referenceModel('cnn', seed);
      const w = m.getWeights().map((t) => t.dataSync() as Float32Array);
      m.dispose();
      return w;
    };
    const a = weights(3);
    assert.deepEqual(weights(3), a);
    // The first convolution's kernel (weight 0) depends on the seed.
    assert.notDeepEqual(weights(4)[0], a[0]);
  });

  it('gives a probability distribution over the 5 classes for each beat', () => {
    const m = referenceModel('lstm', 2);
    const p = tf.tidy(() => (m.predict(tf.ones([2, REFERENCE_INPUT.steps, 1])) as tf.Tensor).arraySync() as number[][]);
    m.dispose();
    for (const row of p) {
      assert.equal(row.length, 5);
      assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-5, `${row}`);
    }
  });
});
