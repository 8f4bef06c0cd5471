/**
 * D1NAMO-layout cohort → labelled 10-second ECG segments (the hypoglycaemia task of Dubosson et
 * al. 2018's D1NAMO cohort): each segment is labelled by the CGM glucose interpolated at its
 * midpoint, below 3.9 mmol/L (70 mg/dL) meaning hypoglycaemic (ADA/IHSG level-1 threshold).
 * lib/io reads the files; this module cuts, checks and labels.
 */
import { EcgInputError } from '../common';
import {
  isSyntheticCohort,
  listD1namoSubjects,
  readD1namoSubject,
  type D1namoEcgCsv,
  type D1namoGlucoseCsv,
} from '../io';

/** Options of {@link segmentD1namoCohort} and {@link segmentD1namoSubject}; every field has a default. */
export interface D1namoSegmentOptions {
  /** Segment length in seconds (10). */
  segmentSec?: number;
  /** The ECG rate the timestamps must follow (250 Hz, the Zephyr BioHarness rate). */
  fsHz?: number;
  /** Largest deviation of one time step from 1000/fsHz ms before the segment counts as gapped (2 ms). */
  gapToleranceMs?: number;
  /** Largest relative deviation of a segment's span from (length − 1)/fsHz (0.01). */
  spanTolerance?: number;
  /** Glucose below this is hypoglycaemic (3.9 mmol/L = 70 mg/dL). */
  hypoThresholdMmolL?: number;
  /** Two CGM readings further apart than this do not cover the time between them (15 min). */
  maxCgmGapMin?: number;
  /** A segment is flat when one value repeats for at least this fraction of it, or never changes (0.5). */
  flatFraction?: number;
  /** A segment is saturated when this fraction of its samples sit on plateaus at its minimum or maximum (0.02). */
  saturatedFraction?: number;
  /** Only these subject folders (default: every folder holding a glucose.csv). */
  subjects?: string[];
}

/** Why segments were left out, counted (each dropped segment once, in this order of checks). */
export interface D1namoDropped {
  gap: number;
  flat: number;
  saturated: number;
  noGlucose: number;
}

/** Labelled segments, row-major `x` (n × length), with the subject of each for patient-wise splits. */
export interface D1namoSegments {
  x: Float32Array;
  n: number;
  length: number;
  fsHz: number;
  /** 1 = hypoglycaemic (interpolated CGM glucose < threshold), 0 = not. */
  y: Int32Array;
  glucoseMmolL: Float32Array;
  subject: string[];
  /** Time of each segment's first sample, ms since 1970 with the wall clock read as UTC. */
  startTime: number[];
  dropped: D1namoDropped;
  /** Samples at the end of each file too few for a whole segment, summed. */
  tailSamples: number;
  /** True when the cohort folder carries SYNTHETIC.md (a generated cohort, not patients). */
  synthetic: boolean;
}

const DEFAULTS = {
  segmentSec: 10,
  fsHz: 250,
  gapToleranceMs: 2,
  spanTolerance: 0.01,
  hypoThresholdMmolL: 3.9,
  maxCgmGapMin: 15,
  flatFraction: 0.5,
  saturatedFraction: 0.02,
};

/**
 * Linear interpolation of CGM glucose at a time, or NaN outside the readings or across a gap
 * longer than `maxGapMs` between the two readings around it.
 *
 * @example interpolateGlucose(Float64Array.of(0, 300000), Float32Array.of(5, 3), 150000, 900000) // => 4
 */
export function interpolateGlucose(timeMs: Float64Array, glucose: Float32Array, tMs: number, maxGapMs: number): number {
  const n = timeMs.length;
  if (n === 0 || tMs < timeMs[0] || tMs > timeMs[n - 1]) return NaN;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (timeMs[mid] <= tMs) lo = mid;
    else hi = mid;
  }
  if (timeMs[lo] === tMs || n === 1) return glucose[lo];
  const span = timeMs[hi] - timeMs[lo];
  if (span > maxGapMs) return NaN;
  const w = (tMs - timeMs[lo]) / span;
  return glucose[lo] + w * (glucose[hi] - glucose[lo]);
}

/** Samples in a row at the segment's extreme that make a clipping plateau (16 ms at 250 Hz). */
const SATURATION_MIN_RUN = 4;

/**
 * Judges the signal of one segment: 'flat' (constant, or one value repeated for `flatFraction` of
 * it, as when a lead comes off), 'saturated' (`saturatedFraction` of samples on plateaus of 4 or
 * more equal samples at its own minimum or maximum, as when the amplifier clips), else 'ok'.
 *
 * @example segmentSignalQuality(new Float32Array(2500), 0, 2500) // => 'flat'
 */
export function segmentSignalQuality(
  values: ArrayLike<number>,
  from: number,
  length: number,
  flatFraction = DEFAULTS.flatFraction,
  saturatedFraction = DEFAULTS.saturatedFraction,
): 'ok' | 'flat' | 'saturated' {
  let min = Infinity;
  let max = -Infinity;
  let run = 1;
  let longest = 1;
  for (let i = from; i < from + length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (i > from) {
      run = v === values[i - 1] ? run + 1 : 1;
      if (run > longest) longest = run;
    }
  }
  if (max === min || longest >= flatFraction * length) return 'flat';
  // Clipping shows as plateaus at the extremes; a lone extreme sample is just a peak.
  let atRail = 0;
  let plateau = 0;
  for (let i = from; i <= from + length; i++) {
    const v = i < from + length ? values[i] : NaN;
    if ((v === min || v === max) && (plateau === 0 || v === values[i - 1])) {
      plateau++;
      continue;
    }
    if (plateau >= SATURATION_MIN_RUN) atRail += plateau;
    plateau = v === min || v === max ? 1 : 0;
  }
  return atRail >= saturatedFraction * length ? 'saturated' : 'ok';
}

/** True when the times of samples from..from+length−1 follow `fsHz` without a gap. */
function continuous(
  timeMs: Float64Array,
  from: number,
  length: number,
  stepMs: number,
  tolMs: number,
  spanTol: number,
): boolean {
  for (let i = from + 1; i < from + length; i++) {
    if (Math.abs(timeMs[i] - timeMs[i - 1] - stepMs) > tolMs) return false;
  }
  const span = timeMs[from + length - 1] - timeMs[from];
  const expected = (length - 1) * stepMs;
  return Math.abs(span - expected) <= Math.max(tolMs, spanTol * expected);
}

/**
 * Cuts one subject's ECG recordings into consecutive segments and labels them from its CGM readings
 * (manual finger-stick readings are not used for labels); windows with a time gap, a flat or
 * saturated signal, or no CGM coverage at their midpoint are dropped and counted.
 *
 * @example segmentD1namoSubject([ecg], glucose, '001').n // => number of kept 10-s segments
 */
export function segmentD1namoSubject(
  ecgs: D1namoEcgCsv[],
  glucose: D1namoGlucoseCsv,
  subject: string,
  options: D1namoSegmentOptions = {},
): D1namoSegments {
  const o = { ...DEFAULTS, ...options };
  const length = Math.round(o.segmentSec * o.fsHz);
  if (!(length > 1))
    throw new EcgInputError(`segment of ${length} samples`, { at: 'options.segmentSec' }, 'segmentSec × fsHz ≥ 2');
  const stepMs = 1000 / o.fsHz;
  const cgm = glucose.type.map((t, i) => (t === 'cgm' ? i : -1)).filter((i) => i >= 0);
  const cgmTime = Float64Array.from(cgm, (i) => glucose.timeMs[i]);
  const cgmValue = Float32Array.from(cgm, (i) => glucose.glucoseMmolL[i]);
  const maxGapMs = o.maxCgmGapMin * 60000;
  let windows = 0;
  for (const e of ecgs) windows += Math.floor(e.n / length);
  const x = new Float32Array(windows * length);
  const y: number[] = [];
  const g: number[] = [];
  const startTime: number[] = [];
  const dropped: D1namoDropped = { gap: 0, flat: 0, saturated: 0, noGlucose: 0 };
  let tailSamples = 0;
  let n = 0;
  for (const e of ecgs) {
    const whole = Math.floor(e.n / length);
    tailSamples += e.n - whole * length;
    for (let w = 0; w < whole; w++) {
      const from = w * length;
      if (!continuous(e.timeMs, from, length, stepMs, o.gapToleranceMs, o.spanTolerance)) {
        dropped.gap++;
        continue;
      }
      const quality = segmentSignalQuality(e.values, from, length, o.flatFraction, o.saturatedFraction);
      if (quality !== 'ok') {
        dropped[quality]++;
        continue;
      }
      const mid = (e.timeMs[from] + e.timeMs[from + length - 1]) / 2;
      const glucoseMmolL = interpolateGlucose(cgmTime, cgmValue, mid, maxGapMs);
      if (!(glucoseMmolL === glucoseMmolL)) {
        dropped.noGlucose++;
        continue;
      }
      x.set(e.values.subarray(from, from + length), n * length);
      y.push(glucoseMmolL < o.hypoThresholdMmolL ? 1 : 0);
      g.push(glucoseMmolL);
      startTime.push(e.timeMs[from]);
      n++;
    }
  }
  return {
    x: x.slice(0, n * length),
    n,
    length,
    fsHz: o.fsHz,
    y: Int32Array.from(y),
    glucoseMmolL: Float32Array.from(g),
    subject: new Array<string>(n).fill(subject),
    startTime,
    dropped,
    tailSamples,
    synthetic: false,
  };
}

/**
 * Reads a D1NAMO-layout cohort (lib/io) subject by subject and cuts each into labelled 10-s
 * segments, with their subjects for patient-wise splits; one subject's raw recordings are in
 * memory at a time.
 *
 * @throws EcgInputError for a folder with no subjects, a subject with no ECG file, or any malformed
 *   CSV (file, line and what was expected).
 * @example segmentD1namoCohort('data/synthetic-d1namo').length // => 2500
 */
export function segmentD1namoCohort(dir: string, options: D1namoSegmentOptions = {}): D1namoSegments {
  const all = listD1namoSubjects(dir);
  const subjects = options.subjects ?? all;
  if (subjects.length === 0) {
    throw new EcgInputError(
      'no subject folder with a glucose.csv',
      { file: dir },
      'one folder per subject holding glucose.csv and ECG CSVs',
    );
  }
  const parts: D1namoSegments[] = [];
  for (const s of subjects) {
    if (!all.includes(s))
      throw new EcgInputError(`no subject "${s}"`, { file: dir, at: 'options.subjects' }, `one of ${all.join(', ')}`);
    const { ecgs, glucose } = readD1namoSubject(dir, s);
    parts.push(segmentD1namoSubject(ecgs, glucose, s, options));
  }
  const merged = concatSegments(parts);
  merged.synthetic = isSyntheticCohort(dir);
  return merged;
}

/** Joins segment sets of equal length and rate (e.g. one per subject) into one. */
function concatSegments(parts: D1namoSegments[]): D1namoSegments {
  const length = parts[0].length;
  const n = parts.reduce((s, p) => s + p.n, 0);
  const x = new Float32Array(n * length);
  const y = new Int32Array(n);
  const g = new Float32Array(n);
  const dropped: D1namoDropped = { gap: 0, flat: 0, saturated: 0, noGlucose: 0 };
  let at = 0;
  for (const p of parts) {
    x.set(p.x, at * length);
    y.set(p.y, at);
    g.set(p.glucoseMmolL, at);
    at += p.n;
    for (const k of Object.keys(dropped) as (keyof D1namoDropped)[]) dropped[k] += p.dropped[k];
  }
  return {
    x,
    n,
    length,
    fsHz: parts[0].fsHz,
    y,
    glucoseMmolL: g,
    subject: parts.flatMap((p) => p.subject),
    startTime: parts.flatMap((p) => p.startTime),
    dropped,
    tailSamples: parts.reduce((s, p) => s + p.tailSamples, 0),
    synthetic: false,
  };
}
