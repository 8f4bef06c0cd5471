import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError, repoRoot } from '../common';
import { checkValue, resolveModelConfig, type Spec } from '../models';
import { MONITORS, type Monitor } from './history';
import type { LrSchedule } from './learning-rate';

/**
 * A published study as a runnable preset (configs/studies/*.json): its data, models, training and
 * two splits — the study's own and the honest one — plus budgets that cap epochs and beats, the
 * study's published figures, and a provenance note per field saying what the study specified and
 * what was assumed or changed, and why.
 */
export interface StudyPreset {
  name: string;
  /** Number of the study in the project brief (1–5). */
  study: number;
  title: string;
  /** Figures the study published (fractions in [0, 1]), quoted; empty when it gave none. */
  published: { figures: Record<string, number>; quote: string; note?: string };
  /** One sentence on why the published figure, ours as published and ours honest differ. */
  explain: string;
  data: StudyDataSpec;
  splits: { study: StudySplit; honest: StudySplit };
  /** One or more models, trained on the same split (study 2 compares two). */
  models: Record<string, Record<string, unknown> & { arch: string }>;
  training: StudyTraining;
  /** Metrics shown first in tables, in order (see studyMetrics). */
  headline: string[];
  budgets: Record<string, StudyBudget>;
  seed: number;
  provenance: Record<string, Provenance>;
}

/** What the study said about one field, and what we did. */
export interface Provenance {
  /** What the study specified ("not stated" when it said nothing). */
  study: string;
  /** 'as published', 'assumed' (the study is silent), 'changed' (we differ) or 'capped' (budget). */
  status: 'as published' | 'assumed' | 'changed' | 'capped';
  why?: string;
}

/** Where the examples come from and how each is prepared (no step here is fitted on data). */
export interface StudyDataSpec {
  /**
   * 'mitdb-beats': windows around the reference R peaks of MIT-BIH records (lib/data's
   * loadBeatDataset); 'heartbeat-csv': the 187-sample rows of Kachuee et al. 2018 written from
   * MIT-BIH records; 'synthetic-d1namo': 10-s segments of a generated D1NAMO-layout cohort.
   */
  source: 'mitdb-beats' | 'heartbeat-csv' | 'synthetic-d1namo';
  labels: 'aami5' | 'binary' | 'mitbih5' | 'hypoglycaemia';
  /** mitdb-beats: samples before the R peak and from it on, at the record's rate. */
  beforeSamples?: number;
  afterSamples?: number;
  filter?: 'bandpass' | 'baseline' | 'none';
  /** Per-example scaling that needs no fitting: each beat to [0, 1]. */
  beatScaling: 'none' | 'minmax';
  /** Normalisation fitted on the training examples only, then applied to all. */
  normalization: 'zscore' | 'minmax' | 'none';
  /** After normalising, clip to ±clipAt. */
  clipAt?: number;
  /** synthetic-d1namo: subjects in the cohort. */
  subjects?: number;
}

/** How examples are split into training and test sides. */
export interface StudySplit {
  /**
   * 'random': a stratified random share of all examples (beats of one patient on both sides);
   * 'inter-patient': MIT-BIH DS1 records train, DS2 records test (de Chazal et al. 2004);
   * 'leave-subjects-out': whole subjects held out (lib/data's groupSplit).
   */
  kind: 'random' | 'inter-patient' | 'leave-subjects-out';
  /** Share of examples (random) or of subjects' examples (leave-subjects-out) in the test set. */
  testFraction?: number;
}

/** Training settings, as the study gave them (before a budget caps the epochs). */
export interface StudyTraining {
  epochs: number;
  batchSize: number;
  learningRate: number;
  schedule: LrSchedule;
  earlyStoppingPatience: number;
  monitor: Monitor;
  /** Share of the training side held out (random, stratified) for early stopping and schedules. */
  validationFraction: number;
  classWeights: boolean;
  oversample: boolean;
  mixupAlpha: number;
}

/** Caps that make a run fit a time budget; 0 means no cap. */
export interface StudyBudget {
  /** At most this many epochs (the study's count when larger is capped). */
  epochs: number;
  maxTrainPerClass: number;
  maxValidation: number;
  /** Test examples kept: a seeded uniform sample, so class proportions stay as they are. */
  maxTest: number;
  /** synthetic-d1namo: minutes of recording per subject. */
  minutesPerSubject?: number;
  /** Why these caps. */
  why: string;
}

/** One fully resolved run: a preset under one split and one budget. */
export interface StudyRunConfig {
  name: string;
  study: number;
  title: string;
  seed: number;
  data: StudyDataSpec;
  split: StudySplit & { name: 'study' | 'honest' };
  models: StudyPreset['models'];
  training: StudyTraining;
  budget: StudyBudget & { name: string };
}

/** The splits of every preset. */
export const STUDY_SPLITS = ['study', 'honest'] as const;
export type StudySplitName = (typeof STUDY_SPLITS)[number];

const SPLIT: Spec = {
  kind: 'object',
  keys: {
    kind: { kind: 'string', oneOf: ['random', 'inter-patient', 'leave-subjects-out'] },
    testFraction: { kind: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
  },
  required: ['kind'],
};

const PRESET_SPEC: Spec = {
  kind: 'object',
  keys: {
    name: { kind: 'string' },
    study: { kind: 'int', min: 1, max: 5 },
    title: { kind: 'string' },
    published: {
      kind: 'object',
      keys: { figures: { kind: 'object', keys: {} }, quote: { kind: 'string' }, note: { kind: 'string' } },
      required: ['figures', 'quote'],
    },
    explain: { kind: 'string' },
    data: {
      kind: 'object',
      keys: {
        source: { kind: 'string', oneOf: ['mitdb-beats', 'heartbeat-csv', 'synthetic-d1namo'] },
        labels: { kind: 'string', oneOf: ['aami5', 'binary', 'mitbih5', 'hypoglycaemia'] },
        beforeSamples: { kind: 'int', min: 0 },
        afterSamples: { kind: 'int', min: 1 },
        filter: { kind: 'string', oneOf: ['bandpass', 'baseline', 'none'] },
        beatScaling: { kind: 'string', oneOf: ['none', 'minmax'] },
        normalization: { kind: 'string', oneOf: ['zscore', 'minmax', 'none'] },
        clipAt: { kind: 'number', min: 0, minExclusive: true },
        subjects: { kind: 'int', min: 2 },
      },
      required: ['source', 'labels', 'beatScaling', 'normalization'],
    },
    splits: { kind: 'object', keys: { study: SPLIT, honest: SPLIT }, required: ['study', 'honest'] },
    models: { kind: 'object', keys: {} },
    training: {
      kind: 'object',
      keys: {
        epochs: { kind: 'int', min: 1 },
        batchSize: { kind: 'int', min: 1 },
        learningRate: { kind: 'number', min: 0, minExclusive: true },
        schedule: { kind: 'object', keys: {} },
        earlyStoppingPatience: { kind: 'int', min: 0 },
        monitor: { kind: 'string', oneOf: MONITORS },
        validationFraction: { kind: 'number', min: 0, max: 1, maxExclusive: true },
        classWeights: { kind: 'bool' },
        oversample: { kind: 'bool' },
        mixupAlpha: { kind: 'number', min: 0 },
      },
      required: [
        'epochs',
        'batchSize',
        'learningRate',
        'schedule',
        'earlyStoppingPatience',
        'monitor',
        'validationFraction',
        'classWeights',
        'oversample',
        'mixupAlpha',
      ],
    },
    headline: { kind: 'array', of: { kind: 'string' }, minLength: 1 },
    budgets: { kind: 'object', keys: {} },
    seed: { kind: 'int', min: 0 },
    provenance: { kind: 'object', keys: {} },
  },
  required: [
    'name',
    'study',
    'title',
    'published',
    'explain',
    'data',
    'splits',
    'models',
    'training',
    'headline',
    'budgets',
    'seed',
    'provenance',
  ],
};

const BUDGET_SPEC: Spec = {
  kind: 'object',
  keys: {
    epochs: { kind: 'int', min: 0 },
    maxTrainPerClass: { kind: 'int', min: 0 },
    maxValidation: { kind: 'int', min: 0 },
    maxTest: { kind: 'int', min: 0 },
    minutesPerSubject: { kind: 'number', min: 0, minExclusive: true },
    why: { kind: 'string' },
  },
  required: ['epochs', 'maxTrainPerClass', 'maxValidation', 'maxTest', 'why'],
};

const PROVENANCE_SPEC: Spec = {
  kind: 'object',
  keys: {
    study: { kind: 'string' },
    status: { kind: 'string', oneOf: ['as published', 'assumed', 'changed', 'capped'] },
    why: { kind: 'string' },
  },
  required: ['study', 'status'],
};

/** The metrics studyMetrics computes; published figures and headlines must use these names. */
export const STUDY_METRICS = [
  'accuracy',
  'balancedAccuracy',
  'precision',
  'recall',
  'specificity',
  'f1',
  'rocAuc',
  'aupr',
] as const;

// `{ kind: 'object', keys: {} }` above only checks "an object": the free-form maps (figures,
// models, budgets, provenance, schedule) are checked entry by entry here.
function checkMaps(p: StudyPreset, file: string): void {
  const fail = (at: string, problem: string, expected?: string): never => {
    throw new EcgInputError(problem, { file, at }, expected);
  };
  for (const [k, v] of Object.entries(p.published.figures)) {
    if (!(STUDY_METRICS as readonly string[]).includes(k))
      fail(`published.figures.${k}`, 'unknown metric', STUDY_METRICS.join(', '));
    checkValue(v, { kind: 'number', min: 0, max: 1 }, `published.figures.${k}`, file);
  }
  for (const h of p.headline)
    if (!(STUDY_METRICS as readonly string[]).includes(h))
      fail('headline', `unknown metric "${h}"`, STUDY_METRICS.join(', '));
  if (Object.keys(p.models).length === 0) fail('models', 'no model', 'at least one named model config');
  for (const [k, m] of Object.entries(p.models)) resolveModelConfig(m, `models.${k}`, file);
  for (const [k, b] of Object.entries(p.budgets)) checkValue(b, BUDGET_SPEC, `budgets.${k}`, file);
  for (const need of ['quick', 'full']) if (!(need in p.budgets)) fail(`budgets.${need}`, 'missing', 'a budget');
  for (const [k, v] of Object.entries(p.provenance)) checkValue(v, PROVENANCE_SPEC, `provenance.${k}`, file);
  const s = p.training.schedule as { type?: string };
  if (!['constant', 'step', 'plateau'].includes(String(s.type)))
    fail('training.schedule.type', `got ${JSON.stringify(s.type)}`, '"constant", "step" or "plateau"');
  if (p.data.source === 'mitdb-beats' && (p.data.beforeSamples === undefined || p.data.afterSamples === undefined))
    fail('data', 'mitdb-beats without beforeSamples/afterSamples', 'the window around the R peak');
  if (p.data.source === 'synthetic-d1namo' && p.data.labels !== 'hypoglycaemia')
    fail('data.labels', `"${p.data.labels}" for a glucose cohort`, '"hypoglycaemia"');
  const honest = p.splits.honest.kind;
  if (honest === 'random')
    fail('splits.honest.kind', '"random" is not an honest split', 'inter-patient or leave-subjects-out');
  for (const name of STUDY_SPLITS) {
    const sp = p.splits[name];
    if (sp.kind !== 'inter-patient' && sp.testFraction === undefined)
      fail(`splits.${name}.testFraction`, 'missing', `a test share for a ${sp.kind} split`);
    if (sp.kind === 'inter-patient' && p.data.source === 'synthetic-d1namo')
      fail(`splits.${name}.kind`, 'inter-patient on a glucose cohort', 'random or leave-subjects-out');
  }
}

/**
 * Every field path of a preset that needs a provenance note: each leaf of data, splits, training
 * and every model config.
 *
 * @example provenanceKeys(preset).includes('training.epochs') // => true
 */
export function provenanceKeys(p: Pick<StudyPreset, 'data' | 'splits' | 'training' | 'models'>): string[] {
  const keys: string[] = [];
  const walk = (v: unknown, at: string) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k, sub] of Object.entries(v)) walk(sub, `${at}.${k}`);
    } else keys.push(at);
  };
  walk(p.data, 'data');
  for (const s of STUDY_SPLITS) keys.push(`splits.${s}`);
  for (const k of Object.keys(p.training)) keys.push(`training.${k}`);
  for (const k of Object.keys(p.models)) keys.push(`models.${k}`);
  return keys;
}

/**
 * Checks a parsed study preset: shape, known metrics, valid model configs, a quick and a full
 * budget, an honest split that is not random, and a provenance note for every field.
 *
 * @example checkStudyPreset(JSON.parse(text), 'configs/studies/study-stacked-lstm.json').study // => 5
 * @throws EcgInputError naming the file and the key path of the first problem
 */
export function checkStudyPreset(json: unknown, file = 'study preset'): StudyPreset {
  // checkValue knows fixed keys only: free-form maps are emptied for it and checked in checkMaps.
  const isMap = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const map = (v: unknown, at: string): object => {
    if (!isMap(v)) throw new EcgInputError(`expected an object, got ${JSON.stringify(v)}`, { file, at });
    return {};
  };
  if (!isMap(json)) throw new EcgInputError('expected an object', { file, at: '(top level)' });
  const j = json as Record<string, Record<string, unknown>>;
  const stripped = {
    ...j,
    ...(isMap(j.published)
      ? { published: { ...j.published, figures: map(j.published.figures, 'published.figures') } }
      : {}),
    ...('models' in j ? { models: map(j.models, 'models') } : {}),
    ...('budgets' in j ? { budgets: map(j.budgets, 'budgets') } : {}),
    ...('provenance' in j ? { provenance: map(j.provenance, 'provenance') } : {}),
    ...(isMap(j.training) && 'schedule' in j.training
      ? { training: { ...j.training, schedule: map(j.training.schedule, 'training.schedule') } }
      : {}),
  };
  checkValue(stripped, PRESET_SPEC, '', file);
  const p = json as unknown as StudyPreset;
  checkMaps(p, file);
  const missing = provenanceKeys(p).filter((k) => !(k in p.provenance));
  if (missing.length)
    throw new EcgInputError(
      `no provenance note for ${missing.join(', ')}`,
      { file, at: 'provenance' },
      'one note per field: what the study specified, our status and why',
    );
  return p;
}

/**
 * The folder of the study presets: configs/studies in the repository.
 *
 * @example studyPresetDir() // => '<repo>/configs/studies'
 */
export function studyPresetDir(): string {
  return path.join(repoRoot(), 'configs', 'studies');
}

/**
 * Names of the study presets in a folder (file names without .json), sorted.
 *
 * @example listStudyPresets() // => ['study-hypoglycemia', 'study-normal-abnormal', 'study-cnn-bilstm', ...]
 */
export function listStudyPresets(dir = studyPresetDir()): string[] {
  if (!fs.existsSync(dir)) return [];
  // In the brief's order (its study numbers), so tables read 1 to 5; unreadable files sort last
  // and fail later in readStudyPreset with their own message.
  const numberOf = (name: string): number => {
    try {
      const n = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')).study;
      return typeof n === 'number' ? n : Infinity;
    } catch {
      return Infinity;
    }
  };
  return fs
    .readdirSync(dir)
    .filter((f) => /^study-.*\.json$/.test(f))
    .map((f) => f.slice(0, -5))
    .map((name) => ({ name, n: numberOf(name) }))
    .sort((a, b) => a.n - b.n || a.name.localeCompare(b.name))
    .map((x) => x.name);
}

/**
 * Reads and checks a study preset by name (configs/studies/<name>.json) or by file path.
 *
 * @example readStudyPreset('study-stacked-lstm').models['Stacked LSTM'].lstmUnits // => [128, 64, 32]
 * @throws EcgInputError for an unknown name (listing the known ones), unreadable JSON or a bad field
 */
export function readStudyPreset(nameOrFile: string, dir = studyPresetDir()): StudyPreset {
  const file = nameOrFile.endsWith('.json') ? nameOrFile : path.join(dir, `${nameOrFile}.json`);
  if (!fs.existsSync(file))
    throw new EcgInputError(
      `no study preset '${nameOrFile}'`,
      { file: dir, at: '--preset' },
      listStudyPresets(dir).join(' or ') || 'a configs/studies/study-*.json file',
    );
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new EcgInputError(`is not valid JSON (${(e as Error).message})`, { file }, 'a JSON study preset');
  }
  return checkStudyPreset(json, file);
}

/**
 * A preset resolved for one split and one budget: the two splits' configs differ in `split` only.
 * The budget caps the epochs (never raises them); 'published' runs the study's own settings.
 *
 * @example resolveStudyRun(preset, 'honest', 'quick').split.kind // => 'inter-patient'
 * @throws EcgInputError for an unknown split or budget name
 */
export function resolveStudyRun(
  preset: StudyPreset,
  split: StudySplitName,
  budget: string | StudyBudget = 'full',
): StudyRunConfig {
  if (!STUDY_SPLITS.includes(split))
    throw new EcgInputError(`split '${split}'`, { file: preset.name, at: 'split' }, STUDY_SPLITS.join(' or '));
  let b: StudyBudget & { name: string };
  if (typeof budget !== 'string') b = { name: 'custom', ...budget };
  else if (budget === 'published')
    b = {
      name: 'published',
      epochs: 0,
      maxTrainPerClass: 0,
      maxValidation: 0,
      maxTest: 0,
      minutesPerSubject: preset.budgets.full.minutesPerSubject,
      why: 'the study as published, no caps',
    };
  else if (budget in preset.budgets) b = { name: budget, ...preset.budgets[budget] };
  else
    throw new EcgInputError(
      `budget '${budget}'`,
      { file: preset.name, at: 'budget' },
      ['published', ...Object.keys(preset.budgets)].join(', '),
    );
  const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  const training = clone(preset.training);
  if (b.epochs > 0) training.epochs = Math.min(training.epochs, b.epochs);
  return {
    name: preset.name,
    study: preset.study,
    title: preset.title,
    seed: preset.seed,
    data: clone(preset.data),
    split: { name: split, ...clone(preset.splits[split]) },
    models: clone(preset.models),
    training,
    budget: b,
  };
}
