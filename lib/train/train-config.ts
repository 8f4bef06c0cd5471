import * as fs from 'fs';
import { EcgInputError } from '../common';
import { checkValue, type Spec, MODEL_CONFIG_SPEC } from '../models';
import { MONITORS, type Monitor } from './history';
import type { LrSchedule } from './learning-rate';

/** patient-adapted: the inter-patient model fine-tuned on each DS2 record's first 5 minutes (needs inter-patient first). */
export type ProtocolChoice = 'inter-patient' | 'intra-patient' | 'patient-adapted';

/** Where the beats come from and how they are split. */
export interface DataConfig {
  /** MIT-BIH folder (default: ECG_DATA_DIR, else the shipped subset). */
  dir?: string;
  /** Protocols to run; the first is the headline one. */
  protocols: ProtocolChoice[];
  /** Inter-patient training records (default: DS1 records present in `dir`). */
  trainRecords?: string[];
  /** Inter-patient test records (default: DS2 records present in `dir`). */
  testRecords?: string[];
  /** Intra-patient records pooled and split by beat (default: DS1 ∪ DS2 present, see includePaced). */
  records?: string[];
  /**
   * Pool the four paced records (102 104 107 217) too when `records` is not given. de Chazal's
   * inter-patient protocol leaves them out; intra-patient studies in the style of Kachuee et al.
   * 2018 keep all 48 records, so paced beats make up most of their Q class.
   */
  includePaced?: boolean;
  /** Intra-patient share of beats for the test set. */
  testFraction: number;
  /** Beat window: 187 (Kachuee et al. 2018) or 250 samples. */
  preset: 187 | 250;
  /** Filtering before segmentation (lib/data): 0.5–40 Hz band-pass, baseline removal, or none. */
  filter: 'bandpass' | 'baseline' | 'none';
  /** Beat normalisation fitted on the training beats only: one z-score or min–max over all values. */
  normalization: 'zscore' | 'minmax' | 'none';
  labels: 'aami5' | 'binary' | 'mitbih5';
  /** Keep at most this many training beats per class (random, seeded); 0 keeps all. */
  maxTrainBeatsPerClass: number;
  /** Share of training beats held out for validation (early stopping, schedules). */
  validationFraction: number;
  /**
   * How validation beats are held out: 'records' (whole training patients; honest for
   * inter-patient) or 'beats' (a stratified random share).
   */
  validationBy: 'records' | 'beats';
  /** Add RR-interval features as a side input (de Chazal et al. 2004). */
  rrFeatures: boolean;
  /** Add a second channel: each beat minus its record's median beat (unlabelled patient adaptation). */
  recordRelative: boolean;
}

/** How the model is trained. */
export interface TrainingConfig {
  epochs: number;
  batchSize: number;
  learningRate: number;
  schedule: LrSchedule;
  /** Early stopping patience in epochs (0: off); the best weights are restored. */
  earlyStoppingPatience: number;
  monitor: Monitor;
  /** Class balancing of the training split: loss weights, random oversampling, or none. */
  balancing: 'none' | 'class-weights' | 'oversample';
  /**
   * Upper bound on a class weight (0: none): a class with a handful of training beats (AAMI Q in
   * DS1 has 8) would otherwise get a weight in the hundreds and dominate the loss.
   */
  maxClassWeight: number;
  /** Mixup Beta(α, α) parameter on training batches (Zhang et al. 2018); 0 turns it off. */
  mixupAlpha: number;
  /**
   * Focal-loss exponent γ (Lin et al. 2017): each beat's loss term is scaled by (1 − p)^γ, p the
   * probability given to its true class; 0 is plain cross-entropy.
   */
  focalGamma: number;
  /**
   * Cost-sensitive decision: each class's probability is multiplied by its weight before the
   * argmax when the model's predictions are scored and served (classes left out keep 1). Chosen
   * on DS1 patients (notebook 02's cross-validation), never on the test records.
   */
  decisionWeights: Partial<Record<'N' | 'S' | 'V' | 'F' | 'Q', number>>;
}

/** A complete training run description (plain JSON). */
export interface TrainConfig {
  name: string;
  seed: number;
  data: DataConfig;
  /** A model config as lib/models reads it; inputLength, numClasses, sideFeatures follow from data. */
  model: Record<string, unknown> & { arch: string };
  training: TrainingConfig;
  /**
   * Per-protocol changes to the split and training settings. The protocols answer different
   * questions: intra-patient tests on the training distribution, so class weights and a cap on N
   * beats (which help new patients' rare classes) only cost it accuracy.
   */
  protocolOverrides?: Partial<Record<ProtocolChoice, ProtocolOverride>>;
}

/** The settings one protocol may change; data settings are limited to those applied after loading. */
export interface ProtocolOverride {
  data?: Partial<Pick<DataConfig, OverridableDataKey>>;
  training?: Partial<TrainingConfig>;
}

/** Data settings applied after the beats are loaded, so each protocol may choose its own. */
export const OVERRIDABLE_DATA_KEYS = [
  'maxTrainBeatsPerClass',
  'validationFraction',
  'validationBy',
  'testFraction',
] as const;
type OverridableDataKey = (typeof OVERRIDABLE_DATA_KEYS)[number];

const SCHEDULE: Spec = {
  kind: 'anyOf',
  what: '{"type":"constant"}, {"type":"step","everyEpochs":n,"factor":f} or {"type":"plateau","factor":f,"patience":n,"minLr":x}',
  options: [
    { kind: 'object', keys: { type: { kind: 'string', oneOf: ['constant'] } }, required: ['type'] },
    {
      kind: 'object',
      keys: {
        type: { kind: 'string', oneOf: ['step'] },
        everyEpochs: { kind: 'int', min: 1 },
        factor: { kind: 'number', min: 0, minExclusive: true },
      },
      required: ['type', 'everyEpochs', 'factor'],
    },
    {
      kind: 'object',
      keys: {
        type: { kind: 'string', oneOf: ['plateau'] },
        factor: { kind: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
        patience: { kind: 'int', min: 1 },
        minLr: { kind: 'number', min: 0 },
      },
      required: ['type', 'factor', 'patience', 'minLr'],
    },
  ],
};

const RECORDS: Spec = { kind: 'array', of: { kind: 'string' }, minLength: 1 };

const DATA_KEYS: Record<string, Spec> = {
  dir: { kind: 'string' },
  protocols: {
    kind: 'array',
    of: { kind: 'string', oneOf: ['inter-patient', 'intra-patient', 'patient-adapted'] },
    minLength: 1,
  },
  trainRecords: RECORDS,
  testRecords: RECORDS,
  records: RECORDS,
  includePaced: { kind: 'bool' },
  testFraction: { kind: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
  preset: {
    kind: 'anyOf',
    what: '187 or 250',
    options: [
      { kind: 'int', min: 187, max: 187 },
      { kind: 'int', min: 250, max: 250 },
    ],
  },
  filter: { kind: 'string', oneOf: ['bandpass', 'baseline', 'none'] },
  normalization: { kind: 'string', oneOf: ['zscore', 'minmax', 'none'] },
  labels: { kind: 'string', oneOf: ['aami5', 'binary', 'mitbih5'] },
  maxTrainBeatsPerClass: { kind: 'int', min: 0 },
  validationFraction: { kind: 'number', min: 0, max: 1, maxExclusive: true },
  validationBy: { kind: 'string', oneOf: ['records', 'beats'] },
  rrFeatures: { kind: 'bool' },
  recordRelative: { kind: 'bool' },
};
const DATA_SPEC: Spec = { kind: 'object', keys: DATA_KEYS };

const TRAINING_SPEC: Spec = {
  kind: 'object',
  keys: {
    epochs: { kind: 'int', min: 1 },
    batchSize: { kind: 'int', min: 1 },
    learningRate: { kind: 'number', min: 0, minExclusive: true },
    schedule: SCHEDULE,
    earlyStoppingPatience: { kind: 'int', min: 0 },
    monitor: { kind: 'string', oneOf: MONITORS },
    balancing: { kind: 'string', oneOf: ['none', 'class-weights', 'oversample'] },
    maxClassWeight: { kind: 'number', min: 0 },
    mixupAlpha: { kind: 'number', min: 0 },
    focalGamma: { kind: 'number', min: 0 },
    decisionWeights: {
      kind: 'object',
      keys: Object.fromEntries(
        ['N', 'S', 'V', 'F', 'Q'].map((c) => [c, { kind: 'number', min: 0, minExclusive: true } as Spec]),
      ),
    },
  },
};

const OVERRIDE_SPEC: Spec = {
  kind: 'object',
  keys: {
    data: { kind: 'object', keys: Object.fromEntries(OVERRIDABLE_DATA_KEYS.map((k) => [k, DATA_KEYS[k]])) },
    training: TRAINING_SPEC,
  },
};

/** The JSON shape of a training config; every key but model.arch may be left out. */
export const TRAIN_CONFIG_SPEC: Spec = {
  kind: 'object',
  keys: {
    name: { kind: 'string' },
    seed: { kind: 'int', min: 0 },
    data: DATA_SPEC,
    model: MODEL_CONFIG_SPEC,
    training: TRAINING_SPEC,
    protocolOverrides: { kind: 'object', keys: { 'inter-patient': OVERRIDE_SPEC, 'intra-patient': OVERRIDE_SPEC } },
  },
  required: ['model'],
};

/** Defaults for every key a config leaves out. */
export const DEFAULT_TRAIN_CONFIG: Omit<TrainConfig, 'model'> = {
  name: 'custom',
  seed: 42,
  data: {
    protocols: ['inter-patient'],
    testFraction: 0.2,
    preset: 187,
    filter: 'bandpass',
    normalization: 'zscore',
    labels: 'aami5',
    maxTrainBeatsPerClass: 0,
    validationFraction: 0.15,
    validationBy: 'beats',
    rrFeatures: false,
    recordRelative: false,
  },
  training: {
    epochs: 20,
    batchSize: 64,
    learningRate: 1e-3,
    schedule: { type: 'constant' },
    earlyStoppingPatience: 5,
    monitor: 'valMacroF1',
    balancing: 'class-weights',
    maxClassWeight: 0,
    mixupAlpha: 0,
    focalGamma: 0,
    decisionWeights: {},
  },
};

/**
 * Checks a parsed JSON training config and fills defaults; an unknown key or a wrong type is an
 * error naming its key path.
 *
 * @example resolveTrainConfig({ model: { arch: 'cnn1d' }, training: { epochs: 'ten' } }) // throws 'training.epochs: expected a positive integer, got "ten"'
 * @throws EcgInputError naming the file (when given) and the key path
 */
export function resolveTrainConfig(json: unknown, file?: string): TrainConfig {
  checkValue(json, TRAIN_CONFIG_SPEC, '', file);
  const c = json as Partial<TrainConfig> & { model: TrainConfig['model'] };
  return {
    name: c.name ?? DEFAULT_TRAIN_CONFIG.name,
    seed: c.seed ?? DEFAULT_TRAIN_CONFIG.seed,
    data: { ...DEFAULT_TRAIN_CONFIG.data, ...(c.data ?? {}) },
    model: c.model,
    training: { ...DEFAULT_TRAIN_CONFIG.training, ...(c.training ?? {}) },
    ...(c.protocolOverrides ? { protocolOverrides: c.protocolOverrides } : {}),
  };
}

/**
 * The config one protocol runs with: its overrides applied, the others dropped.
 *
 * @example configForProtocol(presetConfig('full'), 'intra-patient').training.balancing // => 'none'
 */
export function configForProtocol(config: TrainConfig, protocol: ProtocolChoice): TrainConfig {
  const o = config.protocolOverrides?.[protocol];
  const { protocolOverrides: _all, ...base } = config;
  if (!o) return base;
  return { ...base, data: { ...base.data, ...(o.data ?? {}) }, training: { ...base.training, ...(o.training ?? {}) } };
}

/**
 * A config's decision weights as one number per class, in the model's class order (1 where the
 * config names none).
 *
 * @example decisionWeightList({ S: 0.5 }, ['N', 'S', 'V']) // => [1, 0.5, 1]
 * @throws EcgInputError for a weight on a class the model does not have
 */
export function decisionWeightList(
  weights: Partial<Record<string, number>> | undefined,
  classes: readonly string[],
): number[] {
  for (const c of Object.keys(weights ?? {}))
    if (!classes.includes(c))
      throw new EcgInputError(
        `a decision weight for class '${c}'`,
        { at: 'training.decisionWeights' },
        `classes of the model: ${classes.join(', ')}`,
      );
  return classes.map((c) => weights?.[c] ?? 1);
}

/**
 * Reads and checks a training config file.
 *
 * @example readTrainConfig('configs/cnn.json').training.epochs // => 20
 * @throws EcgInputError for an unreadable file, invalid JSON, or a bad key (named by path)
 */
export function readTrainConfig(file: string): TrainConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new EcgInputError(
      `cannot read config (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      { file },
      'a JSON training config',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new EcgInputError(`is not valid JSON (${(e as Error).message})`, { file }, 'a JSON training config');
  }
  return resolveTrainConfig(json, file);
}
