import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from './model-config';
import { convBlocks, denseHead, finish, lstm, modelInputs, seedStream } from './layers';

/**
 * The project's own CNN: blocks of two Conv1D–BN–ReLU layers, max pooling and dropout; then either
 * a BiLSTM over the pooled sequence (when `lstmUnits` is non-empty) or flattening; then the dense
 * head, which also takes the side features (RR intervals) when configured.
 *
 * @example buildCustomCnn({ ...defaultModelConfig('custom-cnn'), lstmUnits: [32] }).outputs[0].shape // => [null, 5]
 */
export function buildCustomCnn(config: ModelConfig): tf.LayersModel {
  const rng = seedStream(config);
  const { beat, side } = modelInputs(config);
  let x = convBlocks(beat, config, rng, true);
  if (config.lstmUnits.length > 0) {
    config.lstmUnits.forEach((units, i) => {
      x = lstm(x, units, i < config.lstmUnits.length - 1, true, config, rng);
    });
  } else {
    x = tf.layers.flatten().apply(x) as tf.SymbolicTensor;
  }
  return finish(config, beat, side, denseHead(x, side, config, rng));
}
