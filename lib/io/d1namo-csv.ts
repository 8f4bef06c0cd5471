/**
 * Readers for the two CSV files of a D1NAMO subject (Dubosson et al. 2018): the Zephyr ECG export
 * (`Time,EcgWaveform`, 250 Hz) and `glucose.csv` (`date,time,glucose,type[,comments]`, mmol/L).
 */
import * as fs from 'fs';
import { EcgInputError } from '../common';
import { parseD1namoEcgTime, parseD1namoGlucoseTime } from './d1namo-time';

/** One ECG CSV: strictly increasing sample times (ms, wall clock read as UTC) and values. */
export interface D1namoEcgCsv {
  file: string;
  n: number;
  timeMs: Float64Array;
  values: Float32Array;
}

/** One glucose.csv: readings in file order (chronological), mmol/L, with their kind. */
export interface D1namoGlucoseCsv {
  file: string;
  n: number;
  timeMs: Float64Array;
  glucoseMmolL: Float32Array;
  type: ('cgm' | 'manual')[];
}

export const D1NAMO_ECG_HEADER = 'Time,EcgWaveform';
const ECG_TIME_FORMAT = 'a time dd/mm/yyyy HH:MM:SS.fff';

/** Parses the value field of an ECG row; NaN for anything that is not a finite number. */
function parseValue(buf: Uint8Array, from: number, to: number): number {
  let i = from;
  let neg = false;
  if (i < to && buf[i] === 45) {
    neg = true;
    i++;
  }
  let v = 0;
  let j = i;
  for (; j < to; j++) {
    const c = buf[j] - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
  }
  if (j === to && j > i) return neg ? -v : v;
  // Not a plain integer: let Number() judge decimals and exponents, refusing blanks and NaN.
  const text = Buffer.from(buf.buffer, buf.byteOffset + from, to - from)
    .toString('latin1')
    .trim();
  const x = text === '' ? NaN : Number(text);
  return Number.isFinite(x) ? x : NaN;
}

/**
 * Parses the bytes of a D1NAMO ECG CSV (header `Time,EcgWaveform`, one sample a row).
 *
 * @throws EcgInputError naming file and line for a wrong header, a wrong column count, a malformed
 *   time, a non-numeric or NaN value, or a time that is not after the previous one.
 * @example parseD1namoEcgCsv(Buffer.from('Time,EcgWaveform\n01/10/2014 10:09:39.008,2048\n'), 'x.csv').values
 * // => Float32Array [2048]
 */
export function parseD1namoEcgCsv(buf: Uint8Array, file: string): D1namoEcgCsv {
  let lines = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 10) lines++;
  const timeMs = new Float64Array(lines + 1);
  const values = new Float32Array(lines + 1);
  let n = 0;
  let pos = 0;
  let lineNo = 0;
  let prefixMs = NaN;
  const prefix = new Uint8Array(19);
  let prev = -Infinity;
  while (pos < buf.length) {
    let end = buf.indexOf(10, pos);
    if (end < 0) end = buf.length;
    const next = end + 1;
    if (end > pos && buf[end - 1] === 13) end--;
    lineNo++;
    const at = `line ${lineNo}`;
    if (lineNo === 1) {
      const header = Buffer.from(buf.buffer, buf.byteOffset + pos, end - pos)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trim();
      if (header !== D1NAMO_ECG_HEADER) {
        throw new EcgInputError(`header "${header.slice(0, 60)}"`, { file, at }, `the header "${D1NAMO_ECG_HEADER}"`);
      }
      pos = next;
      continue;
    }
    if (end === pos) {
      // A blank line is tolerated only at the end of the file.
      let rest = next;
      while (rest < buf.length && (buf[rest] === 10 || buf[rest] === 13 || buf[rest] === 32)) rest++;
      if (rest >= buf.length) break;
      throw new EcgInputError('empty line', { file, at }, `2 columns (${D1NAMO_ECG_HEADER})`);
    }
    let comma = -1;
    let commas = 0;
    for (let i = pos; i < end; i++) {
      if (buf[i] === 44) {
        if (comma < 0) comma = i;
        commas++;
      }
    }
    if (commas !== 1) {
      throw new EcgInputError(
        `${commas + 1} column${commas === 0 ? '' : 's'}`,
        { file, at },
        `2 columns (${D1NAMO_ECG_HEADER})`,
      );
    }
    // Most rows share their date-and-second prefix with the row before: parse it only when it changes.
    let t = NaN;
    const tLen = comma - pos;
    if (tLen >= 19) {
      let same = prefixMs === prefixMs;
      for (let k = 0; same && k < 19; k++) same = buf[pos + k] === prefix[k];
      if (!same) {
        prefixMs = parseD1namoEcgTime(Buffer.from(buf.buffer, buf.byteOffset + pos, 19).toString('latin1'));
        for (let k = 0; k < 19; k++) prefix[k] = buf[pos + k];
      }
      t = prefixMs;
      if (tLen > 19) {
        const nd = tLen - 20;
        if (buf[pos + 19] !== 46 || nd < 1 || nd > 6) t = NaN;
        let f = 0;
        for (let k = pos + 20; k < comma && t === t; k++) {
          const c = buf[k] - 48;
          if (c < 0 || c > 9) t = NaN;
          f = f * 10 + c;
        }
        if (t === t) t += (f / 10 ** nd) * 1000;
      }
    }
    if (!(t === t)) {
      const text = Buffer.from(buf.buffer, buf.byteOffset + pos, tLen).toString('latin1');
      throw new EcgInputError(`malformed time "${text.slice(0, 40)}"`, { file, at }, ECG_TIME_FORMAT);
    }
    const v = parseValue(buf, comma + 1, end);
    if (!(v === v)) {
      const text = Buffer.from(buf.buffer, buf.byteOffset + comma + 1, end - comma - 1).toString('latin1');
      throw new EcgInputError(`EcgWaveform "${text.slice(0, 40)}" is not a number`, { file, at }, 'a finite number');
    }
    if (t <= prev) {
      throw new EcgInputError(
        `time ${Buffer.from(buf.buffer, buf.byteOffset + pos, tLen).toString('latin1')} is not after the previous row's`,
        { file, at },
        'strictly increasing times',
      );
    }
    prev = t;
    timeMs[n] = t;
    values[n] = v;
    n++;
    pos = next;
  }
  if (lineNo === 0) throw new EcgInputError('empty file', { file, at: 'line 1' }, `the header "${D1NAMO_ECG_HEADER}"`);
  return { file, n, timeMs: timeMs.slice(0, n), values: values.slice(0, n) };
}

/**
 * Reads a D1NAMO ECG CSV file (header `Time,EcgWaveform`).
 *
 * @throws EcgInputError as {@link parseD1namoEcgCsv}, or when the file cannot be read.
 * @example readD1namoEcgCsv('001/sensor_data/2014_10_01-10_09_39/2014_10_01-10_09_39_ECG.csv').n // => 900000
 */
export function readD1namoEcgCsv(file: string): D1namoEcgCsv {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw new EcgInputError(
      `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      { file },
      'a readable ECG CSV file',
    );
  }
  return parseD1namoEcgCsv(buf, file);
}

/**
 * Parses the text of a D1NAMO `glucose.csv` (`date,time,glucose,type` and an optional free-text
 * `comments` column; glucose in mmol/L; type `cgm` or `manual`).
 *
 * @throws EcgInputError naming file and line for a wrong header or column count, a malformed date
 *   or time, a glucose value that is not a number in 0.5–40 mmol/L, an unknown type, or readings
 *   out of time order (CGM readings must strictly increase).
 * @example parseD1namoGlucoseCsv('date,time,glucose,type\n2014-10-01,10:14:00,5.2,cgm\n', 'g.csv').glucoseMmolL
 * // => Float32Array [5.2]
 */
export function parseD1namoGlucoseCsv(text: string, file: string): D1namoGlucoseCsv {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const header = (lines[0] ?? '')
    .replace(/\r$/, '')
    .split(',')
    .map((s) => s.trim().toLowerCase());
  const base = ['date', 'time', 'glucose', 'type'];
  const hasComments = header.length === 5 && header[4] === 'comments';
  if (!(header.length === 4 || hasComments) || base.some((c, i) => header[i] !== c)) {
    throw new EcgInputError(
      `header "${(lines[0] ?? '').trim().slice(0, 60)}"`,
      { file, at: 'line 1' },
      'the header "date,time,glucose,type" (optionally ",comments")',
    );
  }
  const timeMs: number[] = [];
  const glucose: number[] = [];
  const type: ('cgm' | 'manual')[] = [];
  let prev = -Infinity;
  let prevCgm = -Infinity;
  for (let li = 1; li < lines.length; li++) {
    const line = lines[li].replace(/\r$/, '');
    const at = `line ${li + 1}`;
    if (line.trim() === '') {
      if (lines.slice(li).every((l) => l.trim() === '')) break;
      throw new EcgInputError('empty line', { file, at }, 'a row date,time,glucose,type');
    }
    const f = line.split(',');
    if (hasComments ? f.length < 4 : f.length !== 4) {
      throw new EcgInputError(
        `${f.length} column${f.length === 1 ? '' : 's'}`,
        { file, at },
        hasComments ? 'at least 4 columns (date,time,glucose,type[,comments])' : '4 columns (date,time,glucose,type)',
      );
    }
    const t = parseD1namoGlucoseTime(f[0], f[1]);
    if (!(t === t)) {
      throw new EcgInputError(
        `malformed date or time "${f[0].trim()} ${f[1].trim()}"`,
        { file, at },
        'a date yyyy-mm-dd and a time HH:MM:SS',
      );
    }
    const gText = f[2].trim();
    const g = gText === '' ? NaN : Number(gText);
    if (!Number.isFinite(g) || g < 0.5 || g > 40) {
      throw new EcgInputError(
        `glucose "${gText}" is not a plausible value`,
        { file, at },
        'a number in mmol/L between 0.5 and 40',
      );
    }
    const kind = f[3].trim().toLowerCase();
    if (kind !== 'cgm' && kind !== 'manual') {
      throw new EcgInputError(`type "${f[3].trim()}"`, { file, at }, '"cgm" or "manual"');
    }
    if (t < prev)
      throw new EcgInputError(
        `${f[0].trim()} ${f[1].trim()} is before the previous row's time`,
        { file, at },
        'rows in time order',
      );
    if (kind === 'cgm') {
      if (t <= prevCgm)
        throw new EcgInputError(
          `CGM reading at ${f[0].trim()} ${f[1].trim()} is not after the previous one`,
          { file, at },
          'strictly increasing CGM times',
        );
      prevCgm = t;
    }
    prev = t;
    timeMs.push(t);
    glucose.push(g);
    type.push(kind);
  }
  return { file, n: timeMs.length, timeMs: Float64Array.from(timeMs), glucoseMmolL: Float32Array.from(glucose), type };
}

/**
 * Reads a D1NAMO `glucose.csv` file.
 *
 * @throws EcgInputError as {@link parseD1namoGlucoseCsv}, or when the file cannot be read.
 * @example readD1namoGlucoseCsv('001/glucose.csv').type[0] // => 'cgm'
 */
export function readD1namoGlucoseCsv(file: string): D1namoGlucoseCsv {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new EcgInputError(
      `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      { file },
      'a readable glucose.csv',
    );
  }
  return parseD1namoGlucoseCsv(text, file);
}
