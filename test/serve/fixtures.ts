import * as fs from 'fs';
import * as path from 'path';
import { annotationCode, readAnnotations } from '../../lib/io';
import { dataDir, tempDir } from '../helpers';
import { tinyModelDir, trainTinyModel } from '../support/tiny-model';
import { encodeAnnotations } from '../io/wfdb-writer';

const models = new Map<string, Promise<string>>();

/**
 * A tiny model trained once per test run (records 106 and 119, one epoch): `rr` with RR-interval
 * features (then a heartbeat CSV cannot be classified), else without, so CSV rows can be.
 */
export function tinyModel(rr: boolean): Promise<string> {
  const key = rr ? 'rr' : 'plain';
  if (!models.has(key)) {
    models.set(
      key,
      trainTinyModel(
        { seed: 3, maxTrainBeatsPerClass: 40, rrFeatures: rr, epochs: 1 },
        tempDir('ecg-serve-model-'),
      ).then(tinyModelDir),
    );
  }
  return models.get(key)!;
}

/** The files of a WFDB record as an upload: field name → { filename, data }. */
export type RecordFiles = Record<string, { filename: string; data: Buffer }>;

/** Record 100's .hea, .dat and .atr as the page would upload them. */
export function record100(): RecordFiles {
  const base = path.join(dataDir(), '100');
  return Object.fromEntries(
    ['hea', 'dat', 'atr'].map((ext) => [ext, { filename: `100.${ext}`, data: fs.readFileSync(`${base}.${ext}`) }]),
  );
}

/**
 * The first `seconds` of record 100 (format 212, 3 bytes per frame of two signals) with the
 * annotations that fall inside, as a short upload.
 */
export function segment100(seconds: number): RecordFiles {
  const full = record100();
  const frames = Math.round(seconds * 360);
  const lines = full.hea.data.toString('latin1').split('\n');
  lines[0] = `100 2 360 ${frames}`;
  const ann = readAnnotations(path.join(dataDir(), '100'));
  const keep = Array.from(ann.samples, (sample, i) => ({ sample, code: annotationCode(ann.symbols[i])! })).filter(
    (a) => a.sample < frames,
  );
  return {
    hea: { filename: '100.hea', data: Buffer.from(lines.join('\n'), 'latin1') },
    dat: { filename: '100.dat', data: full.dat.data.subarray(0, frames * 3) },
    atr: { filename: '100.atr', data: Buffer.from(encodeAnnotations(keep)) },
  };
}

/** A multipart/form-data body (the FormData of Node 20's fetch). */
export function formOf(files: RecordFiles, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [name, f] of Object.entries(files)) form.append(name, new Blob([f.data]), f.filename);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}
