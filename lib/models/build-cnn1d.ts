import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from './model-config';
import { convBlocks, denseHead, dropout, finish, modelInputs, seedStream } from './layers';

/**
 * A 1-D CNN: Conv1D–BN–ReLU–MaxPool blocks, global average pooling, dense head (after Kiranyaz
 * et al. 2016, "Real-time patient-specific ECG classification by 1-D CNNs"; Acharya et al. 2017).
 *
 * @example buildCnn1d(defaultModelConfig('cnn1d')).outputs[0].shape // => [null, 5]
 */
export function buildCnn1d(config: ModelConfig): tf.LayersModel {
  const rng = seedStream(config);
  const { beat, side } = modelInputs(config);
  let x = convBlocks(beat, config, rng, false);
  x = tf.layers.globalAveragePooling1d().apply(x) as tf.SymbolicTensor;
  x = dropout(x, config.dropout, rng);
  return finish(config, beat, side, denseHead(x, side, config, rng));
}
