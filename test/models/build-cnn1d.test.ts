import { strict as assert } from 'assert';
import type * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/engine';
import { buildCnn1d, defaultModelConfig, type ModelConfig } from '../../lib/models';
import { layerClasses, paramCounts } from '../support/model-shape';

// Two conv blocks (4 filters × 5 taps, 6 filters × 3 taps, pool 2 each) on 32 samples, dense 8, 3 classes.
const config: ModelConfig = {
  ...defaultModelConfig('cnn1d'),
  inputLength: 32,
  convBlocks: [
    { filters: 4, kernelSize: 5, poolSize: 2 },
    { filters: 6, kernelSize: 3, poolSize: 2 },
  ],
  dense: [8],
  numClasses: 3,
};

describe('models/buildCnn1d', () => {
  before(async () => {
    await initBackend();
  });

  it('is Conv1D–BN–ReLU–MaxPool per block, global average pooling, dropout, the dense head', () => {
    const model = buildCnn1d(config);
    assert.deepEqual(layerClasses(model), [
      ...['Conv1D', 'BatchNormalization', 'ReLU', 'MaxPooling1D'],
      ...['Conv1D', 'BatchNormalization', 'ReLU', 'MaxPooling1D'],
      ...['GlobalAveragePooling1D', 'SeededDropout', 'Dense', 'SeededDropout', 'Dense'],
    ]);
    // Pooling by 2 twice: 32 → 16 → 8 samples of 6 channels reach the global pooling.
    const gap = model.layers.find((l) => l.getClassName() === 'GlobalAveragePooling1D')!;
    assert.deepEqual((gap.input as tf.SymbolicTensor).shape, [null, 8, 6]);
    assert.deepEqual(model.outputs[0].shape, [null, 3]);
    model.dispose();
  });

  it('has the parameter count worked out by hand', () => {
    // conv 5·1·4 = 20 (no bias under BN), BN 4·4 = 16, conv 3·4·6 = 72, BN 4·6 = 24,
    // dense 6·8 + 8 = 56, output 8·3 + 3 = 27: 215, of which BN's moving mean and variance
    // (2·4 + 2·6 = 20) are not trained.
    const model = buildCnn1d(config);
    assert.deepEqual(paramCounts(model), { total: 215, trainable: 195 });
    model.dispose();
  });

  it('side features join the pooled features before the first dense layer', () => {
    // The first dense layer now reads 6 + 2 inputs: (6 + 2)·8 + 8 = 72 instead of 56.
    const model = buildCnn1d({ ...config, sideFeatures: 2 });
    assert.deepEqual(
      model.inputs.map((i) => i.shape),
      [
        [null, 32, 1],
        [null, 2],
      ],
    );
    assert.equal(paramCounts(model).total, 215 + 16);
    model.dispose();
  });
});
