import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from './model-config';
import { convBlocks, denseHead, dropout, finish, lstm, modelInputs, seedStream } from './layers';

/**
 * CNN followed by (Bi)LSTM layers: conv blocks extract local morphology, the recurrent layers read
 * the pooled sequence, then a dense head with dropout (after Oh et al. 2018, "Automated diagnosis
 * of arrhythmia using combination of CNN and LSTM techniques"). `arch: 'cnn-bilstm'` makes every
 * recurrent layer bidirectional.
 *
 * @example buildCnnLstm({ ...defaultModelConfig('cnn-bilstm'), numClasses: 2 }).outputs[0].shape // => [null, 1]
 */
export function buildCnnLstm(config: ModelConfig): tf.LayersModel {
  const rng = seedStream(config);
  const { beat, side } = modelInputs(config);
  let x = convBlocks(beat, config, rng, false);
  const bidirectional = config.arch === 'cnn-bilstm';
  config.lstmUnits.forEach((units, i) => {
    x = lstm(x, units, i < config.lstmUnits.length - 1, bidirectional, config, rng);
  });
  if (config.lstmUnits.length === 0) x = tf.layers.globalAveragePooling1d().apply(x) as tf.SymbolicTensor;
  x = dropout(x, config.dropout, rng);
  return finish(config, beat, side, denseHead(x, side, config, rng));
}
