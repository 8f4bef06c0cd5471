import type * as tf from '@tensorflow/tfjs';
import { buildCnn1d } from './build-cnn1d';
import { buildCnnLstm } from './build-cnn-lstm';
import { buildCustomCnn } from './build-custom-cnn';
import { buildStackedLstm } from './build-stacked-lstm';
import type { ModelConfig } from './model-config';

/**
 * Builds the model a (resolved) config describes; weights follow `config.seed`.
 *
 * @example buildModel(resolveModelConfig({ arch: 'cnn1d', numClasses: 2 })).outputs[0].shape // => [null, 1]
 */
export function buildModel(config: ModelConfig): tf.LayersModel {
  switch (config.arch) {
    case 'cnn1d':
      return buildCnn1d(config);
    case 'cnn-lstm':
    case 'cnn-bilstm':
      return buildCnnLstm(config);
    case 'stacked-lstm':
      return buildStackedLstm(config);
    case 'custom-cnn':
      return buildCustomCnn(config);
  }
}
