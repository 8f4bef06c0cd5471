import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from './model-config';
import { denseHead, dropout, finish, lstm, modelInputs, seedStream } from './layers';

/**
 * Stacked LSTM on the raw beat: LSTM 128 → 64 → 32 by default, each followed by dropout and batch
 * normalisation, then dense 64 and 32 and the output (the stacked-LSTM beat classifiers of e.g.
 * Yildirim 2018 and Saadatnejad et al. 2020).
 *
 * @example buildStackedLstm(defaultModelConfig('stacked-lstm')).outputs[0].shape // => [null, 5]
 */
export function buildStackedLstm(config: ModelConfig): tf.LayersModel {
  const rng = seedStream(config);
  const { beat, side } = modelInputs(config);
  let x: tf.SymbolicTensor = beat;
  config.lstmUnits.forEach((units, i) => {
    x = lstm(x, units, i < config.lstmUnits.length - 1, false, config, rng);
    x = dropout(x, config.dropout, rng);
    if (config.batchNorm) x = tf.layers.batchNormalization().apply(x) as tf.SymbolicTensor;
  });
  if (config.lstmUnits.length === 0) x = tf.layers.flatten().apply(x) as tf.SymbolicTensor;
  return finish(config, beat, side, denseHead(x, side, config, rng));
}
