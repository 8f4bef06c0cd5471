/** Model builders (1-D CNN, CNN+(Bi)LSTM, stacked LSTM, custom CNN) from plain-JSON configs. */
export {
  ARCHITECTURES,
  MODEL_CONFIG_SPEC,
  defaultModelConfig,
  resolveModelConfig,
  isSigmoidHead,
  type Architecture,
  type ConvBlock,
  type ModelConfig,
} from './model-config';
export { buildModel } from './build-model';
export { buildCnn1d } from './build-cnn1d';
export { buildCnnLstm } from './build-cnn-lstm';
export { buildStackedLstm } from './build-stacked-lstm';
export { buildCustomCnn } from './build-custom-cnn';
export { SeededDropout, reseedDropout, type SeededDropoutArgs } from './seeded-dropout';
export { checkValue, describeSpec, type Spec } from './check-value';
