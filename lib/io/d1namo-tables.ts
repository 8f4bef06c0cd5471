/**
 * A D1NAMO-layout cohort's CSVs as tables: every glucose reading, and one summary line per ECG
 * file — what a pandas user looks at (groupby subject, describe) before cutting segments.
 */
import * as path from 'path';
import { columnFrame, type DataFrame } from '../common';
import { readD1namoGlucoseCsv } from './d1namo-csv';
import { listD1namoSubjects, readD1namoSubject } from './d1namo';

/** Milliseconds since 1970 (the wall clock read as UTC) as 'yyyy-mm-dd HH:MM:SS'. */
function wallClock(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Every glucose.csv row of a D1NAMO-layout cohort as a danfo.js DataFrame: `subject`, `time`
 * ('yyyy-mm-dd HH:MM:SS', the file's wall clock), `glucoseMmolL` and `type` ('cgm' or 'manual'),
 * subjects in name order and readings in file order.
 *
 * @example d1namoGlucoseTable('outputs/data/synthetic-d1namo-quick').groupby(['subject']).agg({ glucoseMmolL: 'min' })
 * @throws EcgInputError when `dir` is not a folder, or for a malformed glucose.csv (file, line, what was expected)
 */
export function d1namoGlucoseTable(dir: string): DataFrame {
  const subject: string[] = [];
  const time: string[] = [];
  const glucose: number[] = [];
  const type: string[] = [];
  for (const s of listD1namoSubjects(dir)) {
    const g = readD1namoGlucoseCsv(path.join(dir, s, 'glucose.csv'));
    for (let i = 0; i < g.n; i++) {
      subject.push(s);
      time.push(wallClock(g.timeMs[i]));
      glucose.push(g.glucoseMmolL[i]);
      type.push(g.type[i]);
    }
  }
  return columnFrame({ subject, time, glucoseMmolL: Float32Array.from(glucose), type });
}

/**
 * One line per ECG CSV of a D1NAMO-layout cohort as a danfo.js DataFrame: `subject`, `file`
 * (below the subject's folder), `start` and `end` (first and last sample, 'yyyy-mm-dd HH:MM:SS'),
 * `samples`, `minutes` (first to last sample), `fsHz` (from the median sample step) and `gaps`
 * (steps longer than 1.5 median steps, where samples are missing).
 *
 * @example d1namoEcgTable('outputs/data/synthetic-d1namo-quick').loc({ columns: ['minutes', 'gaps'] }).describe()
 * @throws EcgInputError when `dir` is not a folder, a subject has no ECG file, or a CSV is malformed
 */
export function d1namoEcgTable(dir: string): DataFrame {
  const rows = {
    subject: [] as string[],
    file: [] as string[],
    start: [] as string[],
    end: [] as string[],
    samples: [] as number[],
    minutes: [] as number[],
    fsHz: [] as number[],
    gaps: [] as number[],
  };
  for (const s of listD1namoSubjects(dir)) {
    for (const ecg of readD1namoSubject(dir, s).ecgs) {
      const t = ecg.timeMs;
      const last = ecg.n > 0 ? t[ecg.n - 1] : NaN;
      const steps = new Float64Array(Math.max(0, ecg.n - 1));
      for (let i = 1; i < ecg.n; i++) steps[i - 1] = t[i] - t[i - 1];
      const sorted = Float64Array.from(steps).sort();
      const mid = sorted.length >> 1;
      const median = sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
      rows.subject.push(s);
      rows.file.push(path.relative(path.join(dir, s), ecg.file));
      rows.start.push(ecg.n > 0 ? wallClock(t[0]) : '');
      rows.end.push(ecg.n > 0 ? wallClock(last) : '');
      rows.samples.push(ecg.n);
      rows.minutes.push((last - t[0]) / 60000);
      rows.fsHz.push(1000 / median);
      rows.gaps.push(steps.filter((d) => d > 1.5 * median).length);
    }
  }
  return columnFrame(rows);
}
