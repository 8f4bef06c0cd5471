import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../common';
import { AAMI_CLASSES, aamiClass, isBeat, listRecords, readAnnotations, readRecord, type AamiClass } from '../io';
import { parseArgs } from './args';

export const summary =
  'summarise a WFDB record (<path without extension>) or every record of a folder (plus totals): rate, length, signals, checksums, annotation counts by symbol and AAMI class [--json] [--annotator atr]';

/** Annotation counts of one record (SKIP/NUM/SUB/CHAN/AUX pseudo-codes are not annotations). */
export interface AnnotationCounts {
  total: number;
  beats: number;
  bySymbol: Record<string, number>;
  aami: Record<AamiClass, number>;
}

/** What `ecg inspect <record> --json` prints. */
export interface RecordReport {
  record: string;
  fs: number;
  samples: number;
  signals: {
    name: string;
    units: string;
    gain: number;
    baseline: number;
    format: number;
    checksumOk: boolean | null;
  }[];
  /** Null when the record has no annotation file with the chosen extension. */
  annotations: AnnotationCounts | null;
}

/** What `ecg inspect <folder> --json` prints. */
export interface FolderReport {
  dir: string;
  records: (RecordReport | { record: string; error: string })[];
  totals: {
    records: number;
    errors: number;
    samples: number;
    /** Signals whose checksum failed (signals without a checksum are not counted). */
    checksumFailures: number;
    annotations: AnnotationCounts;
  };
}

function emptyCounts(): AnnotationCounts {
  return { total: 0, beats: 0, bySymbol: {}, aami: { N: 0, S: 0, V: 0, F: 0, Q: 0 } };
}

/**
 * Reads a record and its annotations and counts them.
 *
 * @example inspectRecord('data/mitdb/100').annotations?.beats // => 2273
 * @throws EcgInputError for an unreadable record or malformed annotation file
 */
export function inspectRecord(recordPath: string, annotator = 'atr'): RecordReport {
  const rec = readRecord(recordPath);
  let annotations: AnnotationCounts | null = null;
  if (fs.existsSync(`${recordPath}.${annotator}`)) {
    const ann = readAnnotations(recordPath, annotator);
    annotations = emptyCounts();
    for (const s of ann.symbols) {
      annotations.total++;
      annotations.bySymbol[s] = (annotations.bySymbol[s] ?? 0) + 1;
      if (isBeat(s)) annotations.beats++;
      const c = aamiClass(s);
      if (c) annotations.aami[c]++;
    }
  }
  return {
    record: rec.name,
    fs: rec.fsHz,
    samples: rec.nSamples,
    signals: rec.signals.map((s) => ({
      name: s.name,
      units: s.units,
      gain: s.gain,
      baseline: s.baseline,
      format: s.format,
      checksumOk: s.checksumOk ?? null,
    })),
    annotations,
  };
}

/**
 * Inspects every record of a folder (RECORDS file, else every .hea) and adds totals; a record
 * that cannot be read becomes an entry with its error.
 *
 * @example inspectFolder('data/mitdb').totals.records // => 10
 */
export function inspectFolder(dir: string, annotator = 'atr'): FolderReport {
  const totals: FolderReport['totals'] = {
    records: 0,
    errors: 0,
    samples: 0,
    checksumFailures: 0,
    annotations: emptyCounts(),
  };
  const records: FolderReport['records'] = [];
  for (const name of listRecords(dir)) {
    try {
      const r = inspectRecord(path.join(dir, name), annotator);
      records.push(r);
      totals.records++;
      totals.samples += r.samples;
      totals.checksumFailures += r.signals.filter((s) => s.checksumOk === false).length;
      if (r.annotations) addCounts(totals.annotations, r.annotations);
    } catch (e) {
      if (!(e instanceof EcgInputError)) throw e;
      records.push({ record: name, error: e.message });
      totals.errors++;
    }
  }
  return { dir, records, totals };
}

function addCounts(into: AnnotationCounts, add: AnnotationCounts): void {
  into.total += add.total;
  into.beats += add.beats;
  for (const [s, n] of Object.entries(add.bySymbol)) into.bySymbol[s] = (into.bySymbol[s] ?? 0) + n;
  for (const c of AAMI_CLASSES) into.aami[c] += add.aami[c];
}

function duration(samples: number, fsHz: number): string {
  const sec = samples / fsHz;
  const m = Math.floor(sec / 60);
  return `${m}:${(sec - m * 60).toFixed(1).padStart(4, '0')}`;
}

function checksumText(ok: boolean | null): string {
  return ok === null ? 'none' : ok ? 'ok' : 'FAILED';
}

function bySymbolText(c: AnnotationCounts): string {
  return Object.entries(c.bySymbol)
    .sort((a, b) => b[1] - a[1])
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
}

function aamiText(c: AnnotationCounts): string {
  return AAMI_CLASSES.map((k) => `${k} ${c.aami[k]}`).join('  ');
}

function printRecord(r: RecordReport): void {
  console.log(
    `record ${r.record}: ${r.fs} Hz, ${r.samples} samples (${duration(r.samples, r.fs)} min:s), ${r.signals.length} signal(s)`,
  );
  console.log(
    `  ${'signal'.padEnd(10)}${'units'.padEnd(7)}${'gain'.padStart(8)}${'baseline'.padStart(10)}${'format'.padStart(8)}  checksum`,
  );
  for (const s of r.signals) {
    console.log(
      `  ${s.name.padEnd(10)}${s.units.padEnd(7)}${String(s.gain).padStart(8)}${String(s.baseline).padStart(10)}${String(s.format).padStart(8)}  ${checksumText(s.checksumOk)}`,
    );
  }
  if (!r.annotations) {
    console.log('  annotations: none');
    return;
  }
  console.log(`  annotations: ${r.annotations.total} total, ${r.annotations.beats} beats`);
  console.log(`  AAMI: ${aamiText(r.annotations)}`);
  console.log(`  by symbol: ${bySymbolText(r.annotations)}`);
}

function printFolder(f: FolderReport): void {
  console.log(`${f.dir}: ${f.totals.records} record(s)${f.totals.errors ? `, ${f.totals.errors} unreadable` : ''}`);
  console.log(
    `${'record'.padEnd(8)}${'fs'.padStart(6)}${'samples'.padStart(9)}${'sig'.padStart(4)}  ${'checksums'.padEnd(10)}${'ann'.padStart(6)}${'beats'.padStart(7)}${AAMI_CLASSES.map((c) => c.padStart(7)).join('')}`,
  );
  for (const r of f.records) {
    if ('error' in r) {
      console.log(`${r.record.padEnd(8)}  ERROR ${r.error}`);
      continue;
    }
    const sums = r.signals.map((s) => checksumText(s.checksumOk)).join('/');
    const a = r.annotations;
    const counts = a
      ? `${String(a.total).padStart(6)}${String(a.beats).padStart(7)}${AAMI_CLASSES.map((c) => String(a.aami[c]).padStart(7)).join('')}`
      : '     -';
    console.log(
      `${r.record.padEnd(8)}${String(r.fs).padStart(6)}${String(r.samples).padStart(9)}${String(r.signals.length).padStart(4)}  ${sums.padEnd(10)}${counts}`,
    );
  }
  const t = f.totals.annotations;
  console.log(
    `${'total'.padEnd(8)}${''.padStart(6)}${String(f.totals.samples).padStart(9)}${''.padStart(4)}  ${(f.totals.checksumFailures ? `${f.totals.checksumFailures} FAILED` : 'all ok').padEnd(10)}${String(t.total).padStart(6)}${String(t.beats).padStart(7)}${AAMI_CLASSES.map((c) => String(t.aami[c]).padStart(7)).join('')}`,
  );
  console.log(`by symbol: ${bySymbolText(t)}`);
}

/** Strips a WFDB extension the user may have typed (`100.hea` → `100`). */
function recordPathOf(arg: string): string {
  return arg.replace(/\.(hea|dat|atr)$/, '');
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { booleans: ['json'], values: ['annotator'], command: 'inspect' });
  if (args.positionals.length !== 1) {
    throw new EcgInputError(
      `expected one record path or folder, got ${args.positionals.length}`,
      { file: 'ecg inspect', at: 'arguments' },
      "e.g. 'ecg inspect data/mitdb/100' or 'ecg inspect data/mitdb'",
    );
  }
  const target = args.positionals[0];
  const annotator = typeof args.flags.annotator === 'string' ? args.flags.annotator : 'atr';
  const isDir = fs.existsSync(target) && fs.statSync(target).isDirectory();
  const report = isDir ? inspectFolder(target, annotator) : inspectRecord(recordPathOf(target), annotator);
  if (args.flags.json) console.log(JSON.stringify(report, null, 2));
  else if (isDir) printFolder(report as FolderReport);
  else printRecord(report as RecordReport);
  return isDir && (report as FolderReport).totals.errors > 0 ? 2 : 0;
}
