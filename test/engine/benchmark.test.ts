import { strict as assert } from 'assert';
import { initBackend, tf } from '../../lib/engine';
import { benchReferenceModels } from '../../lib/engine/benchmark';

describe('engine/benchmark', () => {
  it('reports positive train and predict throughputs for each model asked for', async () => {
    await initBackend();
    const before = tf.memory().numTensors;
    const r = await benchReferenceModels({ models: ['cnn'], seconds: 0.01, repeats: 1, batchSize: 4, seed: 3 });
    assert.deepEqual(Object.keys(r), ['cnn']);
    assert.ok(r.cnn.trainSamplesPerSec > 0 && r.cnn.predictSamplesPerSec > 0);
    assert.equal(tf.memory().numTensors, before, 'the benchmark leaves no tensors behind');
  });
});
