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
} from './modelConfig';
export { buildModel } from './buildModel';
export { buildCnn1d } from './buildCnn1d';
export { buildCnnLstm } from './buildCnnLstm';
export { buildStackedLstm } from './buildStackedLstm';
export { buildCustomCnn } from './buildCustomCnn';
export { SeededDropout, mixSeeds, reseedDropout, type SeededDropoutArgs } from './seededDropout';
export { checkValue, describeSpec, type Spec } from './checkConfig';
