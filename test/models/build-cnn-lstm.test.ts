import { strict as assert } from 'assert';
import { initBackend } from '../../lib/engine';
import { buildCnnLstm, defaultModelConfig, type ModelConfig } from '../../lib/models';
import { layerClasses, paramCounts } from '../support/model-shape';

// One conv block (4 filters × 5 taps, pool 2) on 32 samples, LSTM 5 → 3, dense 8, two classes.
const config: ModelConfig = {
  ...defaultModelConfig('cnn-lstm'),
  inputLength: 32,
  convBlocks: [{ filters: 4, kernelSize: 5, poolSize: 2 }],
  lstmUnits: [5, 3],
  dense: [8],
  numClasses: 2,
};
// An LSTM layer of u units on d inputs has 4 gates of u·d kernel, u·u recurrent and u bias weights.
const lstmParams = (d: number, u: number) => 4 * (u * (d + u) + u);

describe('models/buildCnnLstm', () => {
  before(async () => {
    await initBackend();
  });

  it('reads the pooled conv features with the LSTM layers, the last one returning its final state', () => {
    const model = buildCnnLstm(config);
    assert.deepEqual(layerClasses(model), [
      ...['Conv1D', 'BatchNormalization', 'ReLU', 'MaxPooling1D'],
      ...['LSTM', 'LSTM', 'SeededDropout', 'Dense', 'SeededDropout', 'Dense'],
    ]);
    const [first, last] = model.layers.filter((l) => l.getClassName() === 'LSTM');
    assert.deepEqual(first.outputShape, [null, 16, 5]);
    assert.deepEqual(last.outputShape, [null, 3]);
    // conv 20 + BN 16 + LSTM(4 → 5) + LSTM(5 → 3) + dense 3·8 + 8 + output 8·1 + 1 (sigmoid).
    assert.equal(lstmParams(4, 5), 200);
    assert.equal(lstmParams(5, 3), 108);
    assert.equal(paramCounts(model).total, 20 + 16 + 200 + 108 + 32 + 9);
    model.dispose();
  });

  it("arch 'cnn-bilstm' makes every recurrent layer bidirectional, doubling its width", () => {
    const model = buildCnnLstm({ ...config, arch: 'cnn-bilstm' });
    const bidi = model.layers.filter((l) => l.getClassName() === 'Bidirectional');
    assert.equal(bidi.length, 2);
    assert.deepEqual(bidi[0].outputShape, [null, 16, 10]);
    assert.deepEqual(bidi[1].outputShape, [null, 6]);
    // Two directions each: 2·LSTM(4 → 5) = 400, 2·LSTM(10 → 3) = 336; dense 6·8 + 8 = 56.
    assert.equal(paramCounts(model).total, 20 + 16 + 2 * lstmParams(4, 5) + 2 * lstmParams(10, 3) + 56 + 9);
    assert.equal(2 * lstmParams(10, 3), 336);
    model.dispose();
  });

  it('without LSTM layers it falls back to global average pooling over the conv features', () => {
    const model = buildCnnLstm({ ...config, lstmUnits: [] });
    assert.ok(layerClasses(model).includes('GlobalAveragePooling1D'));
    // conv 20 + BN 16 + dense 4·8 + 8 + output 9.
    assert.equal(paramCounts(model).total, 20 + 16 + 40 + 9);
    model.dispose();
  });
});
