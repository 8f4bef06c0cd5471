import { EcgInputError } from '../common';
import { checkValue, type Spec } from './check-value';

/** The architectures lib/models builds. */
export const ARCHITECTURES = ['cnn1d', 'cnn-lstm', 'cnn-bilstm', 'stacked-lstm', 'custom-cnn'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

/** One convolution block: Conv1D (×convsPerBlock) – BN – ReLU, then max pooling (poolSize 1: none). */
export interface ConvBlock {
  filters: number;
  kernelSize: number;
  poolSize: number;
}

/** A complete, plain-JSON model description; every builder reads the fields it needs. */
export interface ModelConfig {
  arch: Architecture;
  /** Samples per beat window. */
  inputLength: number;
  /** Leads per sample. */
  channels: number;
  /** Number of classes; 2 gives a single sigmoid unit unless head is 'softmax'. */
  numClasses: number;
  /** 'auto': sigmoid for 2 classes, softmax otherwise. */
  head: 'auto' | 'sigmoid' | 'softmax';
  /**
   * Length of a second input of per-beat features (e.g. RR intervals) concatenated before the dense
   * head; 0 for none.
   */
  sideFeatures: number;
  convBlocks: ConvBlock[];
  /** Convolutions per block (custom-cnn uses 2 by default, the others 1). */
  convsPerBlock: number;
  /** LSTM units per recurrent layer (custom-cnn: empty = no BiLSTM). */
  lstmUnits: number[];
  /** Hidden dense layer widths before the output layer. */
  dense: number[];
  /** Dropout rate after pooling / recurrent / dense layers. */
  dropout: number;
  /** L2 penalty on kernels (0: none). */
  l2: number;
  batchNorm: boolean;
  /** Seed of all initialisers and dropout masks. */
  seed: number;
}

const BLOCK: Spec = {
  kind: 'object',
  keys: { filters: { kind: 'int', min: 1 }, kernelSize: { kind: 'int', min: 1 }, poolSize: { kind: 'int', min: 1 } },
  required: ['filters', 'kernelSize', 'poolSize'],
};

/** The JSON shape a model config may take (every key optional; defaults come from the architecture). */
export const MODEL_CONFIG_SPEC: Spec = {
  kind: 'object',
  keys: {
    arch: { kind: 'string', oneOf: ARCHITECTURES },
    inputLength: { kind: 'int', min: 8 },
    channels: { kind: 'int', min: 1 },
    numClasses: { kind: 'int', min: 2 },
    head: { kind: 'string', oneOf: ['auto', 'sigmoid', 'softmax'] },
    sideFeatures: { kind: 'int', min: 0 },
    convBlocks: { kind: 'array', of: BLOCK },
    convsPerBlock: { kind: 'int', min: 1 },
    lstmUnits: { kind: 'array', of: { kind: 'int', min: 1 } },
    dense: { kind: 'array', of: { kind: 'int', min: 1 } },
    dropout: { kind: 'number', min: 0, max: 1, maxExclusive: true },
    l2: { kind: 'number', min: 0 },
    batchNorm: { kind: 'bool' },
    seed: { kind: 'int', min: 0 },
  },
  required: ['arch'],
};

const COMMON = {
  inputLength: 187,
  channels: 1,
  numClasses: 5,
  head: 'auto' as const,
  sideFeatures: 0,
  l2: 0,
  batchNorm: true,
  seed: 42,
};
const THREE_BLOCKS: ConvBlock[] = [
  { filters: 32, kernelSize: 7, poolSize: 2 },
  { filters: 64, kernelSize: 5, poolSize: 2 },
  { filters: 128, kernelSize: 3, poolSize: 2 },
];

/**
 * The defaults of each architecture, following the papers' usual shapes: a 1-D CNN (Kiranyaz et
 * al. 2016; Acharya et al. 2017), CNN+(Bi)LSTM (Oh et al. 2018), a stacked LSTM 128→64→32
 * (Yildirim 2018-style) and a custom CNN with two convolutions per block and an optional BiLSTM.
 *
 * @example defaultModelConfig('stacked-lstm').lstmUnits // => [128, 64, 32]
 */
export function defaultModelConfig(arch: Architecture): ModelConfig {
  switch (arch) {
    case 'cnn1d':
      return { ...COMMON, arch, convBlocks: THREE_BLOCKS, convsPerBlock: 1, lstmUnits: [], dense: [64], dropout: 0.3 };
    case 'cnn-lstm':
      return {
        ...COMMON,
        arch,
        convBlocks: THREE_BLOCKS,
        convsPerBlock: 1,
        lstmUnits: [64],
        dense: [64],
        dropout: 0.3,
      };
    case 'cnn-bilstm':
      return {
        ...COMMON,
        arch,
        convBlocks: THREE_BLOCKS,
        convsPerBlock: 1,
        lstmUnits: [64],
        dense: [64],
        dropout: 0.3,
      };
    case 'stacked-lstm':
      return {
        ...COMMON,
        arch,
        convBlocks: [],
        convsPerBlock: 1,
        lstmUnits: [128, 64, 32],
        dense: [64, 32],
        dropout: 0.2,
      };
    case 'custom-cnn':
      return {
        ...COMMON,
        arch,
        convBlocks: [
          { filters: 16, kernelSize: 5, poolSize: 2 },
          { filters: 32, kernelSize: 5, poolSize: 2 },
          { filters: 64, kernelSize: 3, poolSize: 2 },
        ],
        convsPerBlock: 2,
        lstmUnits: [],
        dense: [64],
        dropout: 0.3,
      };
  }
}

/**
 * Checks a plain-JSON model config and fills the architecture's defaults for absent keys.
 *
 * @example resolveModelConfig({ arch: 'cnn1d', numClasses: 2 }).convBlocks.length // => 3
 * @throws EcgInputError naming the key path of an unknown key or a wrong value (`model.dropout`)
 */
export function resolveModelConfig(json: unknown, path = 'model', file?: string): ModelConfig {
  checkValue(json, MODEL_CONFIG_SPEC, path, file);
  const partial = json as Partial<ModelConfig> & { arch: Architecture };
  const config = { ...defaultModelConfig(partial.arch), ...partial };
  if (config.head === 'sigmoid' && config.numClasses !== 2) {
    throw new EcgInputError(`"sigmoid" needs numClasses 2, got ${config.numClasses}`, { file, at: `${path}.head` });
  }
  return config;
}

/**
 * Whether the config's output is a single sigmoid unit (binary cross-entropy) rather than softmax.
 *
 * @example isSigmoidHead({ ...defaultModelConfig('cnn1d'), numClasses: 2 }) // => true
 */
export function isSigmoidHead(config: Pick<ModelConfig, 'numClasses' | 'head'>): boolean {
  return config.head === 'sigmoid' || (config.head === 'auto' && config.numClasses === 2);
}
