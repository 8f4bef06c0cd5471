/**
 * MIT-BIH records → the heartbeat CSV format of Kachuee et al. 2018, so studies 2 and 5 can run on
 * data of that shape built here (the published CSVs are not in reach). Beats are cut by
 * lib/signal's heartbeatCsvBeats around the reference R peaks and labelled from the annotations.
 */
import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../common';
import { formatHeartbeatCsvRows, HEARTBEAT_CSV_LENGTH, isBeat, readAnnotations, readRecord } from '../io';
import { heartbeatCsvBeats } from '../signal';
import { beatClass, BEAT_CLASSES, type BeatLabels } from './beat-dataset';

/** Options of {@link heartbeatCsvBeatsOfRecord} and {@link writeHeartbeatCsv}. */
export interface HeartbeatCsvOptions {
  /** Label set (aami5: 0 N, 1 S, 2 V, 3 F, 4 Q, the classes of Kachuee's MIT-BIH file). */
  labels?: BeatLabels;
  /** Signal index or name (default: MLII, else signal 0). */
  channel?: number | string;
}

/** Heartbeat-CSV rows of one or more records: x is n × 187. */
export interface HeartbeatRows {
  x: Float32Array;
  y: Int32Array;
  n: number;
  length: number;
  classes: string[];
  classCounts: number[];
  /** Reference beats whose type the label set does not cover. */
  unlabelled: number;
}

/**
 * The heartbeat-CSV rows of one MIT-BIH record: all reference beats go to heartbeatCsvBeats (so its
 * median RR sees every beat), and the rows of beats the label set covers are kept.
 *
 * @throws EcgInputError for unreadable records or an unknown channel.
 * @example heartbeatCsvBeatsOfRecord('data/mitdb', '100').n // => 2273
 */
export function heartbeatCsvBeatsOfRecord(dir: string, name: string, options: HeartbeatCsvOptions = {}): HeartbeatRows {
  const labels = options.labels ?? 'aami5';
  const base = path.join(dir, name);
  const names = readRecord(base, { end: 0 }).header.signals.map((s) => s.description);
  const ch = typeof options.channel === 'number' ? options.channel : options.channel !== undefined ? names.indexOf(options.channel) : Math.max(0, names.indexOf('MLII'));
  if (ch < 0 || ch >= names.length) {
    throw new EcgInputError(`no signal ${JSON.stringify(options.channel)}`, { file: `${base}.hea`, at: 'options.channel' }, `an index 0..${names.length - 1} or one of ${names.join(', ')}`);
  }
  const rec = readRecord(base, { channels: [ch] });
  const ann = readAnnotations(base, 'atr');
  const peaks: number[] = [];
  const cls: number[] = [];
  for (let i = 0; i < ann.samples.length; i++) {
    if (!isBeat(ann.symbols[i])) continue;
    peaks.push(ann.samples[i]);
    cls.push(beatClass(ann.symbols[i], labels));
  }
  const rows = heartbeatCsvBeats(rec.signals[0].mV, rec.fsHz, Int32Array.from(peaks));
  const kept = cls.map((c, i) => (c >= 0 ? i : -1)).filter((i) => i >= 0);
  const length = HEARTBEAT_CSV_LENGTH;
  const x = new Float32Array(kept.length * length);
  kept.forEach((i, r) => x.set(rows[i], r * length));
  const classes = [...BEAT_CLASSES[labels]];
  const y = Int32Array.from(kept, (i) => cls[i]);
  const classCounts = classes.map((_, c) => y.filter((v) => v === c).length);
  return { x, y, n: kept.length, length, classes, classCounts, unlabelled: cls.length - kept.length };
}

/**
 * Writes MIT-BIH records as one heartbeat CSV (no header; 187 values and the class per row, `%.18e`),
 * record after record, streamed to a temporary file that is renamed into place at the end.
 *
 * @throws EcgInputError for unreadable records or an unknown channel (no file is left behind).
 * @example writeHeartbeatCsv('outputs/mitbih-heartbeats.csv', ['100', '101'], 'data/mitdb', { labels: 'aami5' }).n // => 4134
 */
export function writeHeartbeatCsv(
  file: string,
  records: readonly string[],
  dir: string,
  options: HeartbeatCsvOptions = {},
): {
  file: string;
  n: number;
  classes: string[];
  classCounts: number[];
  unlabelled: number;
  records: string[];
  /** Rows each record wrote, in file order: the patient of every row, for patient-grouped splits. */
  rowsPerRecord: number[];
} {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  const classes = [...BEAT_CLASSES[options.labels ?? 'aami5']];
  const classCounts = classes.map(() => 0);
  let n = 0;
  let unlabelled = 0;
  const rowsPerRecord: number[] = [];
  try {
    for (const name of records) {
      const rows = heartbeatCsvBeatsOfRecord(dir, name, options);
      // A few hundred rows per write keeps every string far below V8's length limit.
      for (let from = 0; from < rows.n; from += 500) {
        fs.writeSync(fd, formatHeartbeatCsvRows(rows.x, rows.y, rows.length, from, Math.min(rows.n, from + 500)));
      }
      rows.classCounts.forEach((c, k) => (classCounts[k] += c));
      n += rows.n;
      rowsPerRecord.push(rows.n);
      unlabelled += rows.unlabelled;
    }
    fs.closeSync(fd);
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return { file, n, classes, classCounts, unlabelled, records: [...records], rowsPerRecord };
}
