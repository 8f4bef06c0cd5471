import type * as tf from '@tensorflow/tfjs';
import { buildCnn1d } from './buildCnn1d';
import { buildCnnLstm } from './buildCnnLstm';
import { buildCustomCnn } from './buildCustomCnn';
import { buildStackedLstm } from './buildStackedLstm';
import type { ModelConfig } from './modelConfig';

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
