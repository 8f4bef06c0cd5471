/**
 * D1NAMO-layout cohort folders (Dubosson et al. 2018): one folder per subject holding a
 * `glucose.csv` and `*_ECG.csv` files anywhere below it. This module only finds and reads the
 * files; cutting and labelling segments is lib/data's work (segmentD1namoCohort).
 */
import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../common';
import { readD1namoEcgCsv, readD1namoGlucoseCsv, type D1namoEcgCsv, type D1namoGlucoseCsv } from './d1namo-csv';

/** One subject's files, read: its ECG recordings (in file-name order) and its glucose readings. */
export interface D1namoSubjectFiles {
  subject: string;
  ecgs: D1namoEcgCsv[];
  glucose: D1namoGlucoseCsv;
}

/** Every file under `dir` whose name ends in `ECG.csv` (as the Zephyr export names them), sorted. */
function findEcgFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findEcgFiles(p));
    else if (/ecg\.csv$/i.test(entry.name)) out.push(p);
  }
  return out.sort();
}

/**
 * The subject folders of a cohort: sub-folders holding a glucose.csv, sorted by name.
 *
 * @throws EcgInputError when `dir` is not a folder.
 * @example listD1namoSubjects('data/synthetic-d1namo') // => ['synthetic-001', …, 'synthetic-009']
 */
export function listD1namoSubjects(dir: string): string[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new EcgInputError('not a folder', { file: dir }, 'a D1NAMO cohort folder');
  }
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'glucose.csv')))
    .map((d) => d.name)
    .sort();
}

/**
 * Reads one subject of a D1NAMO-layout cohort: every `*_ECG.csv` below its folder, sorted by path,
 * and its `glucose.csv`.
 *
 * @throws EcgInputError for an unknown subject, a subject with no ECG file, or any malformed CSV
 *   (file, line and what was expected).
 * @example readD1namoSubject('data/synthetic-d1namo', 'synthetic-001').ecgs.length // => 1
 */
export function readD1namoSubject(dir: string, subject: string): D1namoSubjectFiles {
  const all = listD1namoSubjects(dir);
  if (!all.includes(subject))
    throw new EcgInputError(`no subject folder "${subject}"`, { file: dir }, `one of ${all.join(', ')}`);
  const folder = path.join(dir, subject);
  const files = findEcgFiles(folder);
  if (files.length === 0)
    throw new EcgInputError(
      'no *_ECG.csv file',
      { file: folder },
      'ECG CSV files (Time,EcgWaveform) below the subject folder',
    );
  return {
    subject,
    ecgs: files.map(readD1namoEcgCsv),
    glucose: readD1namoGlucoseCsv(path.join(folder, 'glucose.csv')),
  };
}

/**
 * True when the cohort folder carries SYNTHETIC.md, the mark of a generated cohort (not patients).
 *
 * @example isSyntheticCohort('outputs/data/synthetic-d1namo-quick') // => true
 */
export function isSyntheticCohort(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'SYNTHETIC.md'));
}
