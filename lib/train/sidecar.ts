import * as fs from 'fs';
import * as path from 'path';
import { describeBackend, type BackendInfo } from '../engine';
import { EcgInputError, repoRoot } from '../common';
import type { ModelConfig } from '../models';
import type { EpochEntry } from './history';
import type { BeatNormalization, BeatRecipe } from '../data';
import type { TrainConfig } from './train-config';

/** The ecg-model.json format version this code writes; older ones are upgraded when read. */
export const SIDECAR_FORMAT_VERSION = 2;

/** ecg-model.json: what a model needs to be used and to be traced back to its run. */
export interface ModelSidecar {
  format: 'ecg-workbench-model';
  /** 2: the beat recipe under `recipe`; 1 (upgraded when read): `window` and the recipe's flags in trainConfig. */
  formatVersion: 2;
  /** 'best' (the evaluated weights) or 'final' (the last epoch, for resuming). */
  kind: 'best' | 'final';
  epoch: number;
  protocol: string;
  classes: string[];
  labels: string;
  /** How a record becomes the model's inputs (lib/data's beat recipe): training and inference both follow it. */
  recipe: BeatRecipe;
  /** The normalisation fitted on the training beats. */
  normalization: BeatNormalization;
  modelConfig: ModelConfig;
  trainConfig: TrainConfig;
  split: {
    trainRecords: string[];
    validationRecords: string[];
    testRecords: string[];
    validationBy: string;
    note: string;
  };
  seed: number;
  backend: string;
  versions: Record<string, string>;
  history: EpochEntry[];
}

/**
 * The versions a result depends on: workbench, tfjs, Node, the backend and the whole engine in
 * words (native kernels included: numbers made with and without them differ in the last bits).
 *
 * @example describeVersions(info).tfjs // => '4.22.0'
 */
export function describeVersions(info: BackendInfo): Record<string, string> {
  let workbench = 'unknown';
  try {
    workbench = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')).version;
  } catch {
    /* a copied lib/ without package.json: leave 'unknown' */
  }
  const native = info.native ? `, native kernels ${info.native.isa} × ${info.native.threads} thread(s)` : '';
  return {
    workbench,
    tfjs: info.tfjs,
    node: process.version,
    backend: `${info.backend}${info.simd ? ' SIMD' : ''}, ${info.threads} thread(s)${native}`,
    engine: describeBackend(info),
  };
}

/**
 * A sidecar as read from ecg-model.json, upgraded to the current format: version 1 (before the
 * beat recipe) kept the window under `window` and the record-relative and RR choices in
 * trainConfig.data and normalization.side; version 2 holds them all under `recipe`.
 *
 * @example upgradeSidecar(JSON.parse(fs.readFileSync('model/ecg-model.json', 'utf8')), 'model/ecg-model.json').recipe.length // => 187
 * @throws EcgInputError naming the file and key for another format, an unknown version, or a missing key
 */
export function upgradeSidecar(json: unknown, file: string): ModelSidecar {
  const s = json as Record<string, unknown> | null;
  if (!s || typeof s !== 'object' || s.format !== 'ecg-workbench-model' || !Array.isArray(s.classes)) {
    throw new EcgInputError(
      'is not an ecg-workbench model description',
      { file },
      'the ecg-model.json written by ecg train',
    );
  }
  const need = (ok: boolean, key: string, what: string) => {
    if (!ok) throw new EcgInputError(`version ${s.formatVersion} without ${key}`, { file, at: `key ${key}` }, what);
  };
  if (s.formatVersion === SIDECAR_FORMAT_VERSION) {
    need(typeof s.recipe === 'object' && s.recipe !== null, 'recipe', 'the beat recipe');
    return s as unknown as ModelSidecar;
  }
  if (s.formatVersion === 1) {
    const w = s.window as Record<string, unknown> | undefined;
    need(typeof w === 'object' && w !== null, 'window', 'the beat window of a version 1 sidecar');
    const norm = s.normalization as BeatNormalization | undefined;
    need(typeof norm === 'object' && norm !== null, 'normalization', 'the fitted normalisation');
    const data = ((s.trainConfig as { data?: { recordRelative?: boolean } } | undefined)?.data ?? {}) as {
      recordRelative?: boolean;
    };
    const recipe: BeatRecipe = {
      preset: w!.preset as 187 | 250,
      length: w!.length as number,
      beforeSamples: w!.beforeSamples as number,
      afterSamples: w!.afterSamples as number,
      fsHz: w!.fsHz as number,
      filter: w!.filter as BeatRecipe['filter'],
      bandHz: w!.bandHz as [number, number],
      // Version 1 read these two from the training config and from the fitted side normalisation.
      recordRelative: data.recordRelative === true,
      rrFeatures: norm!.side !== null && norm!.side !== undefined,
    };
    const rest = { ...s };
    delete rest.window;
    return { ...(rest as unknown as ModelSidecar), formatVersion: 2, recipe };
  }
  throw new EcgInputError(
    `format version ${JSON.stringify(s.formatVersion)}`,
    { file, at: 'key formatVersion' },
    `version 1 or ${SIDECAR_FORMAT_VERSION} (a newer workbench wrote this model?)`,
  );
}
