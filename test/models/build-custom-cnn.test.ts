import { strict as assert } from 'assert';
import { initBackend } from '../../lib/engine';
import { buildCustomCnn, defaultModelConfig, type ModelConfig } from '../../lib/models';
import { layerClasses, paramCounts } from '../support/model-shape';

// One block of two convolutions (3 filters × 3 taps, biases since batchNorm is off, pool 2) on
// 16 samples of 2 leads, two side features, dense 4, three classes.
const config: ModelConfig = {
  ...defaultModelConfig('custom-cnn'),
  inputLength: 16,
  channels: 2,
  sideFeatures: 2,
  batchNorm: false,
  convBlocks: [{ filters: 3, kernelSize: 3, poolSize: 2 }],
  dense: [4],
  numClasses: 3,
};

describe('models/buildCustomCnn', () => {
  before(async () => {
    await initBackend();
  });

  it('runs two convolutions per block, pools, drops out, flattens and joins the side features', () => {
    const model = buildCustomCnn(config);
    assert.deepEqual(layerClasses(model), [
      ...['Conv1D', 'ReLU', 'Conv1D', 'ReLU', 'MaxPooling1D', 'SeededDropout'],
      ...['Flatten', 'Concatenate', 'Dense', 'SeededDropout', 'Dense'],
    ]);
    // conv 3·2·3 + 3 = 21, conv 3·3·3 + 3 = 30; pooled 8 × 3 = 24 flattened, + 2 side = 26;
    // dense 26·4 + 4 = 108, output 4·3 + 3 = 15.
    assert.equal(paramCounts(model).total, 21 + 30 + 108 + 15);
    model.dispose();
  });

  it('with lstmUnits it reads the pooled sequence with a BiLSTM instead of flattening', () => {
    const model = buildCustomCnn({ ...config, lstmUnits: [2] });
    assert.ok(!layerClasses(model).includes('Flatten'));
    const bidi = model.layers.find((l) => l.getClassName() === 'Bidirectional')!;
    assert.deepEqual(bidi.outputShape, [null, 4]);
    // BiLSTM(3 → 2): 2·4·(2·(3 + 2) + 2) = 96; dense (4 + 2)·4 + 4 = 28.
    assert.equal(paramCounts(model).total, 21 + 30 + 96 + 28 + 15);
    model.dispose();
  });
});
