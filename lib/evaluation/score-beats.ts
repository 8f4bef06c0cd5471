import { isBeat, type Annotations } from '../io';
import { EcgInputError } from '../common';

/** Beat-by-beat agreement of detections with reference beats. */
export interface BeatScore {
  tp: number;
  fp: number;
  fn: number;
  /** Sensitivity TP / (TP + FN), a fraction; 1 when there is no reference beat. */
  se: number;
  /** Positive predictivity TP / (TP + FP), a fraction; 1 when nothing was detected. */
  ppv: number;
  /** 2·TP / (2·TP + FP + FN), a fraction; 1 when both are empty. */
  f1: number;
}

/**
 * The sample numbers of the QRS annotations (WFDB isqrs beats) among `ann`; rhythm, noise,
 * artefact and flutter-wave annotations are not reference beats.
 *
 * @example referenceBeats(readAnnotations('data/mitdb/100')).length // => 2273
 */
export function referenceBeats(ann: Pick<Annotations, 'samples' | 'symbols'>): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < ann.samples.length; i++) if (isBeat(ann.symbols[i])) out.push(ann.samples[i]);
  return Int32Array.from(out).sort();
}

/**
 * The ventricular flutter/fibrillation episodes marked by '[' … ']' annotations, as
 * [start, end] sample pairs (an episode still open at the end runs to `nSamples`). ANSI/AAMI EC57
 * leaves them out of beat-by-beat QRS scoring: their flutter waves ('!') are not beats, yet no
 * single-lead detector can tell them from the complexes of ventricular tachycardia.
 *
 * @example vfEpisodes(readAnnotations('mitdb/207'), 650000).length // => 6
 */
export function vfEpisodes(ann: Pick<Annotations, 'samples' | 'symbols'>, nSamples: number): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < ann.samples.length; i++) {
    if (ann.symbols[i] === '[' && open < 0) open = ann.samples[i];
    else if (ann.symbols[i] === ']' && open >= 0) {
      out.push([open, ann.samples[i]]);
      open = -1;
    }
  }
  if (open >= 0) out.push([open, nSamples]);
  return out;
}

/**
 * TP/FP/FN and the derived fractions from counts.
 *
 * @example scoreFromCounts(99, 1, 0).ppv // => 0.99
 */
export function scoreFromCounts(tp: number, fp: number, fn: number): BeatScore {
  return {
    tp,
    fp,
    fn,
    se: tp + fn === 0 ? 1 : tp / (tp + fn),
    ppv: tp + fp === 0 ? 1 : tp / (tp + fp),
    f1: 2 * tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn),
  };
}

/** Options of {@link scoreBeats}. */
export interface ScoreOptions {
  /** Matching window each side of a reference beat, in seconds (default 0.15). */
  toleranceSec?: number;
  /** [start, end] sample intervals left out of the comparison (e.g. {@link vfEpisodes}). */
  exclude?: [number, number][];
}

/**
 * Scores detections beat by beat: each detection, in time order, matches the nearest still
 * unmatched reference beat within ±toleranceSec (150 ms, the matching window of ANSI/AAMI EC57);
 * unmatched detections are false positives, unmatched references false negatives. Detections
 * and references inside an excluded interval do not count either way.
 *
 * @example scoreBeats(Int32Array.of(100, 500), Int32Array.of(110, 900), 360) // => { tp: 1, fp: 1, fn: 1, ... }
 * @throws EcgInputError for a non-positive fsHz
 */
export function scoreBeats(
  detected: Int32Array,
  reference: Int32Array,
  fsHz: number,
  options: ScoreOptions = {},
): BeatScore {
  if (!(Number.isFinite(fsHz) && fsHz > 0)) {
    throw new EcgInputError(`fsHz = ${fsHz}`, { file: 'scoreBeats', at: 'fsHz' }, 'a finite positive number');
  }
  const toleranceSec = options.toleranceSec ?? 0.15;
  const ex = options.exclude ?? [];
  const keep = (v: number) => !ex.some(([a, b]) => v >= a && v <= b);
  const det = Int32Array.from(detected).filter(keep).sort();
  const ref = Int32Array.from(reference).filter(keep).sort();
  const tol = toleranceSec * fsHz;
  const used = new Uint8Array(ref.length);
  let tp = 0;
  let j = 0;
  for (let i = 0; i < det.length; i++) {
    const d = det[i];
    while (j < ref.length && ref[j] < d - tol) j++;
    let best = -1;
    for (let k = j; k < ref.length && ref[k] <= d + tol; k++) {
      if (!used[k] && (best < 0 || Math.abs(ref[k] - d) < Math.abs(ref[best] - d))) best = k;
    }
    if (best >= 0) {
      used[best] = 1;
      tp++;
    }
  }
  return scoreFromCounts(tp, det.length - tp, ref.length - tp);
}

/**
 * The gross score over several records: counts summed, fractions from the sums.
 *
 * @example grossScore([{ tp: 9, fp: 0, fn: 1 }, { tp: 10, fp: 1, fn: 0 }]).tp // => 19
 */
export function grossScore(scores: Pick<BeatScore, 'tp' | 'fp' | 'fn'>[]): BeatScore {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const s of scores) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
  }
  return scoreFromCounts(tp, fp, fn);
}
