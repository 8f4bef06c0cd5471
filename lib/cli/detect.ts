import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../common';
import { scoreDetector, type BeatScore, type DetectorRecordScore } from '../evaluation';
import { listRecords } from '../io';
import { detectRPeaks, panTompkins } from '../signal';
import { parseArgs } from './args';

export const summary = 'detect R peaks in a record or folder and score them against its annotations';

/** The detectors `ecg detect --method` offers. */
export const METHODS = { 'pan-tompkins': panTompkins, best: detectRPeaks } as const;
export type Method = keyof typeof METHODS;

/** One record's line of `ecg detect --json`; the scores are null when the record has no .atr file. */
export interface DetectRecordReport extends DetectorRecordScore {
  method: Method;
}

/** What `ecg detect --json` prints. */
export interface DetectReport {
  records: DetectRecordReport[];
  gross: Pick<BeatScore, 'tp' | 'fp' | 'fn' | 'se' | 'ppv' | 'f1'>;
  /** Signal samples filtered and searched per second of detection time (reading not included). */
  samplesPerSecond: number;
  /** True when ventricular flutter/fibrillation episodes were left out of the scores (EC57). */
  excludeVf: boolean;
}

/**
 * The record paths (without extension) named by a CLI argument: a record path (with or without
 * .hea/.dat/.atr) or a folder, whose RECORDS file (else every .hea) lists its records.
 *
 * @example recordPaths('data/mitdb/100.hea') // => ['data/mitdb/100']
 * @throws EcgInputError when neither a folder nor a record header exists there
 */
export function recordPaths(arg: string): string[] {
  if (fs.existsSync(arg) && fs.statSync(arg).isDirectory()) {
    const names = listRecords(arg);
    if (names.length === 0)
      throw new EcgInputError('no records in folder', { file: arg }, 'a RECORDS file or .hea files');
    return names.map((n) => path.join(arg, n));
  }
  const base = arg.replace(/\.(hea|dat|atr)$/, '');
  if (!fs.existsSync(`${base}.hea`))
    throw new EcgInputError(
      'no such record or folder',
      { file: arg },
      'a WFDB record (its .hea file) or a folder of records',
    );
  return [base];
}

/**
 * Detects R peaks on the first signal of each record and scores them beat by beat (±150 ms)
 * against the record's .atr beat annotations (lib/evaluation's scoreDetector), each line
 * labelled with the method.
 *
 * @example detectRecords(['data/mitdb/100'], 'best').gross.se // => 0.9996
 */
export function detectRecords(paths: string[], method: Method, excludeVf = false): DetectReport {
  const scored = scoreDetector(paths, METHODS[method], { excludeVf });
  const { tp, fp, fn, se, ppv, f1 } = scored.gross;
  return {
    records: scored.records.map(({ record, ...rest }) => ({ record, method, ...rest })),
    gross: { tp, fp, fn, se, ppv, f1 },
    samplesPerSecond: scored.samplesPerSecond,
    excludeVf,
  };
}

const pct = (v: number | null) => (v === null ? '-' : (100 * v).toFixed(2));

/**
 * `ecg detect <record | folder> [--json] [--method pan-tompkins|best] [--exclude-vf]`.
 *
 * @example await run(['data/mitdb/100', '--json']) // prints the report, => 0
 * @throws EcgInputError for a missing record or folder, a second path or an unknown method
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { booleans: ['json', 'exclude-vf'], values: ['method'], command: 'detect' });
  if (args.positionals.length !== 1) {
    throw new EcgInputError(
      `${args.positionals.length} paths given`,
      { file: 'ecg detect', at: 'arguments' },
      'one record or folder: ecg detect <record | folder> [--json] [--method pan-tompkins|best] [--exclude-vf]',
    );
  }
  const method = (args.flags.method ?? 'best') as string;
  if (!(method in METHODS)) {
    throw new EcgInputError(
      `unknown method '${method}'`,
      { file: 'ecg detect', at: '--method' },
      Object.keys(METHODS).join(' or '),
    );
  }
  const report = detectRecords(recordPaths(args.positionals[0]), method as Method, args.flags['exclude-vf'] === true);
  if (args.flags.json) {
    console.log(JSON.stringify(report));
    return 0;
  }
  const head = ['record', 'ref', 'detected', 'TP', 'FP', 'FN', 'Se %', '+P %', 'F1 %'];
  const rows = report.records.map((r) =>
    [
      r.record,
      r.reference ?? '-',
      r.detected,
      r.tp ?? '-',
      r.fp ?? '-',
      r.fn ?? '-',
      pct(r.se),
      pct(r.ppv),
      pct(r.f1),
    ].map(String),
  );
  const g = report.gross;
  rows.push([
    'gross',
    String(g.tp + g.fn),
    '',
    String(g.tp),
    String(g.fp),
    String(g.fn),
    pct(g.se),
    pct(g.ppv),
    pct(g.f1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(
    `method ${method}, first signal, ±150 ms matching${report.excludeVf ? ', VF/flutter episodes excluded (EC57)' : ''}`,
  );
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log(`${(report.samplesPerSecond / 1e6).toFixed(1)} M samples/s (filtering + detection)`);
  return 0;
}
