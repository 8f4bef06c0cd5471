import { strict as assert } from 'assert';
import { initBackend, tf } from '../../lib/engine';
import { benchReferenceModels } from '../../lib/engine/benchmark';
import { referenceModel, REFERENCE_MODELS } from '../../lib/engine/reference-models';

describe('engine/benchmark', () => {
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

  it('reports positive train and predict throughputs for each model asked for', async () => {
    await initBackend();
    const before = tf.memory().numTensors;
    const r = await benchReferenceModels({ models: ['cnn'], seconds: 0.01, repeats: 1, batchSize: 4, seed: 3 });
    assert.deepEqual(Object.keys(r), ['cnn']);
    assert.ok(r.cnn.trainSamplesPerSec > 0 && r.cnn.predictSamplesPerSec > 0);
    assert.equal(tf.memory().numTensors, before, 'the benchmark leaves no tensors behind');
  });
});
