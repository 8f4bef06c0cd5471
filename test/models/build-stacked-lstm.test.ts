import { strict as assert } from 'assert';
import { initBackend } from '../../lib/engine';
import { buildStackedLstm, defaultModelConfig, type ModelConfig } from '../../lib/models';
import { layerClasses, paramCounts } from '../support/model-shape';

// LSTM 4 → 3 on 16 one-lead samples, dense 5, two classes (a single sigmoid unit).
const config: ModelConfig = {
  ...defaultModelConfig('stacked-lstm'),
  inputLength: 16,
  lstmUnits: [4, 3],
  dense: [5],
  numClasses: 2,
};

describe('models/buildStackedLstm', () => {
  before(async () => {
    await initBackend();
  });

  it('the stacked LSTM default is LSTM 128 → 64 → 32 then dense 64 and 32', () => {
    const model = buildStackedLstm({ ...defaultModelConfig('stacked-lstm'), inputLength: 16 });
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

  it('follows each LSTM with dropout and batch normalisation, and has the parameter count worked out by hand', () => {
    const model = buildStackedLstm(config);
    assert.deepEqual(layerClasses(model), [
      ...['LSTM', 'SeededDropout', 'BatchNormalization'],
      ...['LSTM', 'SeededDropout', 'BatchNormalization'],
      ...['Dense', 'SeededDropout', 'Dense'],
    ]);
    // LSTM(1 → 4) = 4·(4·(1 + 4) + 4) = 96, BN 16, LSTM(4 → 3) = 4·(3·(4 + 3) + 3) = 96, BN 12,
    // dense 3·5 + 5 = 20, output 5·1 + 1 = 6: 246, of which BN's moving statistics (8 + 6) are not trained.
    assert.deepEqual(paramCounts(model), { total: 246, trainable: 232 });
    model.dispose();
  });

  it('without LSTM layers the raw beat is flattened into the dense head', () => {
    const model = buildStackedLstm({ ...config, lstmUnits: [] });
    assert.equal(layerClasses(model)[0], 'Flatten');
    // dense 16·5 + 5 = 85, output 6.
    assert.equal(paramCounts(model).total, 91);
    model.dispose();
  });
});
