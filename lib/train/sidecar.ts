import * as fs from 'fs';
import * as path from 'path';
import { describeBackend, type BackendInfo } from '../engine';
import { repoRoot } from '../common';
import type { ModelConfig } from '../models';
import type { EpochEntry } from './history';
import type { Normalization } from './prepare-data';
import type { TrainConfig } from './train-config';

/** ecg-model.json: what a saved model needs to be used and to be traced back to its run. */
export interface ModelSidecar {
  format: 'ecg-workbench-model';
  formatVersion: 1;
  /** 'best' (the evaluated weights) or 'final' (the last epoch, for resuming). */
  kind: 'best' | 'final';
  epoch: number;
  protocol: string;
  classes: string[];
  labels: string;
  /** How beats were cut: preset, samples before/after the R peak at fsHz, filter and its band. */
  window: {
    preset: 187 | 250;
    length: number;
    beforeSamples: number;
    afterSamples: number;
    fsHz: number;
    filter: 'bandpass' | 'baseline' | 'none';
    bandHz: [number, number];
  };
  normalization: Normalization;
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
