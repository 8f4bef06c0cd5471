/**
 * The heartbeat CSV format of Kachuee, Fazeli & Sarrafzadeh 2018 ("ECG heartbeat classification:
 * a deep transferable representation", IEEE ICHI; its MIT-BIH and PTB CSVs): no header, one beat
 * per row, 187 samples at 125 Hz scaled to [0, 1] and zero-padded, then the class as a float
 * (`0.000000000000000000e+00`), every value written like numpy's `%.18e`.
 */
import * as fs from 'fs';
import { columnFrame, danfo, EcgInputError, type DataFrame } from '../common';

/** Rate (Hz) and samples per row of the published files (Kachuee et al. 2018). */
export const HEARTBEAT_CSV_HZ = 125;
export const HEARTBEAT_CSV_LENGTH = 187;

/** A heartbeat CSV in memory: x is n × length, row-major; classCounts[c] rows have class c. */
export interface HeartbeatCsv {
  file: string;
  x: Float32Array;
  y: Int32Array;
  n: number;
  length: number;
  classCounts: number[];
}

/**
 * Parses heartbeat-CSV bytes: rows of `length` numbers and a class label (an integer written as a
 * float); blank lines only at the end.
 *
 * @throws EcgInputError naming file, line and column for a wrong column count, a value that is not a
 *   finite number, or a label that is not a non-negative integer.
 * @example parseHeartbeatCsv(Buffer.from('0.5,1.0e+00\n'), 'h.csv', { length: 1 }).y // => Int32Array [1]
 */
export function parseHeartbeatCsv(bytes: Uint8Array, file: string, options: { length?: number } = {}): HeartbeatCsv {
  const length = options.length ?? HEARTBEAT_CSV_LENGTH;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let rows = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 10) rows++;
  const x = new Float32Array((rows + 1) * length);
  const y = new Int32Array(rows + 1);
  const counts: number[] = [];
  let n = 0;
  let pos = 0;
  let line = 0;
  while (pos < buf.length) {
    let end = buf.indexOf(10, pos);
    if (end < 0) end = buf.length;
    const next = end + 1;
    line++;
    const text = buf.toString('latin1', pos, end).replace(/\r$/, '');
    pos = next;
    if (text.trim() === '') {
      let rest = next;
      while (rest < buf.length && (buf[rest] === 10 || buf[rest] === 13 || buf[rest] === 32)) rest++;
      if (rest >= buf.length) break;
      throw new EcgInputError('empty line', { file, at: `line ${line}` }, `${length + 1} comma-separated numbers`);
    }
    const f = text.split(',');
    if (f.length !== length + 1) {
      throw new EcgInputError(
        `${f.length} columns`,
        { file, at: `line ${line}` },
        `${length + 1} columns (${length} samples and a class label)`,
      );
    }
    for (let j = 0; j < length; j++) {
      const s = f[j].trim();
      const v = s === '' ? NaN : Number(s);
      if (!Number.isFinite(v))
        throw new EcgInputError(
          `value "${s.slice(0, 30)}" is not a number`,
          { file, at: `line ${line}, column ${j + 1}` },
          'a finite number',
        );
      x[n * length + j] = v;
    }
    const ls = f[length].trim();
    const label = ls === '' ? NaN : Number(ls);
    if (!(Number.isInteger(label) && label >= 0 && label < 1000)) {
      throw new EcgInputError(
        `label "${ls.slice(0, 30)}"`,
        { file, at: `line ${line}, column ${length + 1}` },
        'a class index 0, 1, 2, … (written as a float)',
      );
    }
    y[n] = label;
    while (counts.length <= label) counts.push(0);
    counts[label]++;
    n++;
  }
  return { file, x: x.slice(0, n * length), y: y.slice(0, n), n, length, classCounts: counts };
}

/**
 * Reads a heartbeat CSV file (Kachuee et al. 2018 layout).
 *
 * @throws EcgInputError as {@link parseHeartbeatCsv}, or when the file cannot be read.
 * @example readHeartbeatCsv('outputs/mitbih-heartbeats.csv').classCounts // => [n0, n1, …]
 */
export function readHeartbeatCsv(file: string, options: { length?: number } = {}): HeartbeatCsv {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new EcgInputError(
      `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      { file },
      'a readable heartbeat CSV file',
    );
  }
  return parseHeartbeatCsv(bytes, file, options);
}

/**
 * A number as numpy's `%.18e` writes it (`1.000000000000000000e+00`): JavaScript's exact
 * toExponential(18) with the exponent padded to two digits.
 *
 * @example formatE18(0.5) // => '5.000000000000000000e-01'
 */
export function formatE18(v: number): string {
  return v.toExponential(18).replace(/e([+-])(\d)$/, 'e$10$2');
}

/**
 * Rows from..to−1 of beats (n × length) with their labels as heartbeat-CSV text, one line per row.
 *
 * @example formatHeartbeatCsvRows(Float32Array.of(0.5), Int32Array.of(1), 1) // => '5.000000000000000000e-01,1.000000000000000000e+00\n'
 */
export function formatHeartbeatCsvRows(
  x: Float32Array,
  y: ArrayLike<number>,
  length: number,
  from = 0,
  to = y.length,
): string {
  const lines: string[] = [];
  const fields = new Array<string>(length + 1);
  for (let r = from; r < to; r++) {
    for (let j = 0; j < length; j++) fields[j] = formatE18(x[r * length + j]);
    fields[length] = formatE18(y[r]);
    lines.push(fields.join(','));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/**
 * The beats of a heartbeat CSV as a danfo.js DataFrame: columns '0'…'186' (as pandas names a
 * headerless file's columns) and 'label'. danfojs-node is loaded on first use (it takes about a
 * second, which the other readers of lib/io should not pay).
 *
 * @example heartbeatCsvFrame(readHeartbeatCsv('h.csv')).shape // => [n, 188]
 */
export function heartbeatCsvFrame(data: Pick<HeartbeatCsv, 'x' | 'y' | 'n' | 'length'>): DataFrame {
  const dfd = danfo();
  const rows: number[][] = new Array(data.n);
  for (let r = 0; r < data.n; r++) {
    const row = Array.from(data.x.subarray(r * data.length, (r + 1) * data.length));
    row.push(data.y[r]);
    rows[r] = row;
  }
  const columns = [...Array.from({ length: data.length }, (_, j) => String(j)), 'label'];
  const dtypes = [...new Array<string>(data.length).fill('float32'), 'int32'];
  return new dfd.DataFrame(rows, { columns, dtypes });
}

/**
 * One summary line per beat of a heartbeat CSV as a danfo.js DataFrame, light enough for every
 * row of a large file: `label`, `samples` (up to the last non-zero sample, i.e. the beat before
 * its zero padding — the published recipe cuts 1.2 median RR intervals), `durationSec` (at the
 * file's 125 Hz) and `mean` (of those samples, on the file's [0, 1] scale).
 *
 * @example heartbeatCsvSummary(readHeartbeatCsv('h.csv')).groupby(['label']).agg({ durationSec: 'mean' })
 */
export function heartbeatCsvSummary(
  data: Pick<HeartbeatCsv, 'x' | 'y' | 'n' | 'length'>,
  fsHz: number = HEARTBEAT_CSV_HZ,
): DataFrame {
  const samples = new Int32Array(data.n);
  const mean = new Float64Array(data.n);
  for (let r = 0; r < data.n; r++) {
    const row = data.x.subarray(r * data.length, (r + 1) * data.length);
    let end = row.length;
    while (end > 0 && row[end - 1] === 0) end--;
    let sum = 0;
    for (let j = 0; j < end; j++) sum += row[j];
    samples[r] = end;
    mean[r] = end > 0 ? sum / end : NaN;
  }
  return columnFrame({
    label: data.y,
    samples,
    durationSec: Float64Array.from(samples, (s) => s / fsHz),
    mean,
  });
}
