import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EcgInputError } from '../common';
import { parseHeader } from '../io';

/** One uploaded file, held in memory. */
export interface UploadedFile {
  /** The name the browser sent (shown in messages only, never used as a path). */
  filename: string;
  data: Buffer;
}

/** An upload written to a private folder, ready for lib/io's file readers. */
export interface StagedUpload {
  /** The private folder (mode 0700); remove it with {@link removeStaged}. */
  dir: string;
  kind: 'record' | 'csv';
  /** Record path without extension, or the CSV file. */
  path: string;
  /** The record name (from the header) or the CSV's file name. */
  name: string;
  hasAnnotations: boolean;
}

// A name lib/io may join to the folder: no separators, no '..', nothing hidden or odd.
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.+-]{0,99}$/;

function safeName(name: string, place: { file: string; at: string }, what: string): string {
  if (!SAFE_NAME.test(name) || name.includes('..'))
    throw new EcgInputError(
      `${what} '${name.slice(0, 60)}' is not a plain file name`,
      place,
      'letters, digits, _ . + -',
    );
  return name;
}

/**
 * Writes an uploaded WFDB record (files `hea`, `dat`, optional `atr`) or heartbeat CSV (`csv`)
 * into a fresh private temp folder under the names the header gives, so the same readers as
 * `ecg predict` read it. The header must name a single signal file by a plain name: an upload
 * cannot reach any other file.
 *
 * @example const s = await stageUpload({ hea: { filename: '100.hea', data }, dat: { filename: '100.dat', data: dat } }); s.path // => '/tmp/ecg-serve-XXXX/100'
 * @throws EcgInputError for a missing or unexpected file, an unreadable header or a header naming several or unsafe files
 */
export async function stageUpload(files: Record<string, UploadedFile>, tmpRoot = os.tmpdir()): Promise<StagedUpload> {
  const fields = Object.keys(files);
  const extra = fields.filter((f) => !['hea', 'dat', 'atr', 'csv'].includes(f));
  if (extra.length)
    throw new EcgInputError(
      `unexpected file field '${extra[0]}'`,
      { file: 'upload', at: `field ${extra[0]}` },
      'files named hea and dat (and optionally atr), or csv',
    );
  if (files.csv) {
    if (files.hea || files.dat || files.atr)
      throw new EcgInputError('both a CSV and record files', { file: 'upload' }, 'either csv, or hea + dat (+ atr)');
    const dir = await fs.promises.mkdtemp(path.join(tmpRoot, 'ecg-serve-'));
    const given = path.basename(files.csv.filename || '');
    // Staged under the user's name when it is a plain one, so messages name their file.
    const name = SAFE_NAME.test(given) && !given.includes('..') && /\.csv$/i.test(given) ? given : 'upload.csv';
    const file = path.join(dir, name);
    await fs.promises.writeFile(file, files.csv.data, { mode: 0o600 });
    return { dir, kind: 'csv', path: file, name, hasAnnotations: false };
  }
  for (const need of ['hea', 'dat'])
    if (!files[need])
      throw new EcgInputError(
        `no ${need} file`,
        { file: 'upload', at: `field ${need}` },
        'files hea and dat of one WFDB record (and optionally atr), or a csv',
      );
  const heaName = path.basename(files.hea.filename || 'record.hea');
  const header = parseHeader(files.hea.data.toString('latin1'), heaName);
  const record = safeName(header.record, { file: heaName, at: 'line 1' }, 'record name');
  const signalFiles = [...new Set(header.signals.map((s) => s.file))];
  if (signalFiles.length !== 1)
    throw new EcgInputError(
      `names ${signalFiles.length} signal files (${signalFiles.slice(0, 3).join(', ')})`,
      { file: heaName },
      'a record whose signals are all in the one uploaded .dat file',
    );
  const datName = safeName(signalFiles[0], { file: heaName, at: 'line 2' }, 'signal file');
  if (datName === `${record}.hea` || datName === `${record}.atr`)
    throw new EcgInputError(
      `signal file '${datName}' clashes with the header`,
      { file: heaName, at: 'line 2' },
      'a .dat name',
    );
  const dir = await fs.promises.mkdtemp(path.join(tmpRoot, 'ecg-serve-'));
  try {
    await fs.promises.writeFile(path.join(dir, `${record}.hea`), files.hea.data, { mode: 0o600 });
    await fs.promises.writeFile(path.join(dir, datName), files.dat.data, { mode: 0o600 });
    if (files.atr) await fs.promises.writeFile(path.join(dir, `${record}.atr`), files.atr.data, { mode: 0o600 });
  } catch (e) {
    await removeStaged(dir);
    throw e;
  }
  return { dir, kind: 'record', path: path.join(dir, record), name: record, hasAnnotations: Boolean(files.atr) };
}

/**
 * Removes a staging folder and everything in it (no error when it is already gone).
 *
 * @example await removeStaged(staged.dir)
 */
export async function removeStaged(dir: string): Promise<void> {
  await fs.promises.rm(dir, { recursive: true, force: true });
}
