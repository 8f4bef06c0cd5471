/**
 * Synthetic glucose trajectories for the synthetic D1NAMO-layout cohort: a slowly varying level
 * kept above 4.5 mmol/L, with raised-cosine hypoglycaemic dips placed so that a chosen share of the
 * recording lies below 3.9 mmol/L. Not a physiological glucose model; it only has to give the ECG
 * model realistic-looking excursions and the labels a known ground truth.
 */
import type { Rng } from '../common';

/** One hypoglycaemic dip: centre (ms), half-width (ms) and lowest glucose (mmol/L). */
export interface GlucoseDip {
  centreMs: number;
  halfWidthMs: number;
  nadirMmolL: number;
}

/** A glucose trajectory: level components plus dips; evaluate with {@link glucoseAt}. */
export interface GlucoseTrajectory {
  meanMmolL: number;
  /** Slow sinusoids: amplitude (mmol/L), period (ms), phase (rad). */
  waves: { ampMmolL: number; periodMs: number; phaseRad: number }[];
  dips: GlucoseDip[];
}

const FLOOR_MMOL_L = 4.5;
const HYPO_MMOL_L = 3.9;

/** The trajectory without its dips, softly kept above 4.5 mmol/L. */
function levelAt(tr: GlucoseTrajectory, tMs: number): number {
  let g = tr.meanMmolL;
  for (const w of tr.waves) g += w.ampMmolL * Math.sin((2 * Math.PI * tMs) / w.periodMs + w.phaseRad);
  // Softplus above the floor: smooth, and never below it.
  const over = g - FLOOR_MMOL_L;
  return FLOOR_MMOL_L + (over > 20 ? over : Math.log1p(Math.exp(over)));
}

/**
 * True glucose (mmol/L) of a synthetic trajectory at a time; each dip lowers the level by a raised
 * cosine reaching its nadir at the centre.
 *
 * @example glucoseAt({ meanMmolL: 7, waves: [], dips: [] }, 0) // => 7.0789 (softplus above 4.5)
 */
export function glucoseAt(tr: GlucoseTrajectory, tMs: number): number {
  let g = levelAt(tr, tMs);
  for (const d of tr.dips) {
    const u = (tMs - d.centreMs) / d.halfWidthMs;
    if (u <= -1 || u >= 1) continue;
    const depth = levelAt(tr, d.centreMs) - d.nadirMmolL;
    g -= depth * 0.5 * (1 + Math.cos(Math.PI * u));
  }
  return g;
}

/** Options of {@link syntheticGlucoseTrajectory}. */
export interface SyntheticGlucoseOptions {
  startMs: number;
  endMs: number;
  /** Share of [startMs, endMs] below 3.9 mmol/L as a 5-min CGM would see it (before sensor noise). */
  hypoFraction: number;
  /** A time on the CGM's 5-min grid (default startMs); dips are sized on that grid. */
  cgmGridMs?: number;
}

const CGM_STEP_MS = 300000;

/**
 * Time (ms) that the straight lines between CGM readings every 5 min (grid through gridMs) spend
 * below 3.9 mmol/L within [fromMs, toMs]: what labels interpolated from a CGM will call hypo.
 */
function cgmTimeBelow(tr: GlucoseTrajectory, fromMs: number, toMs: number, gridMs: number): number {
  let t = gridMs + Math.floor((fromMs - gridMs) / CGM_STEP_MS) * CGM_STEP_MS;
  let a = glucoseAt(tr, t);
  let below = 0;
  for (; t < toMs; t += CGM_STEP_MS) {
    const b = glucoseAt(tr, t + CGM_STEP_MS);
    if (a < HYPO_MMOL_L && b < HYPO_MMOL_L) below += CGM_STEP_MS;
    else if (a < HYPO_MMOL_L || b < HYPO_MMOL_L) below += (CGM_STEP_MS * (HYPO_MMOL_L - Math.min(a, b))) / Math.abs(b - a);
    a = b;
  }
  return below;
}

/**
 * Draws a subject's trajectory: mean 6–9 mmol/L, two slow waves (1–5 h periods), and one dip per
 * started 4 hours, each in its own slice of the recording, its width found by bisection so that
 * the time a 5-min CGM, linearly interpolated, spends below 3.9 mmol/L adds up to `hypoFraction`
 * of the recording (nadirs 2.6–3.4 mmol/L).
 *
 * @example syntheticGlucoseTrajectory({ startMs: 0, endMs: 3600000, hypoFraction: 0.1 }, createRng(1)).dips.length // => 1
 */
export function syntheticGlucoseTrajectory(o: SyntheticGlucoseOptions, rng: Rng): GlucoseTrajectory {
  const tr: GlucoseTrajectory = {
    meanMmolL: 6 + 3 * rng.next(),
    waves: [0, 1].map(() => ({
      ampMmolL: 0.4 + 1.1 * rng.next(),
      periodMs: (1 + 4 * rng.next()) * 3600000,
      phaseRad: 2 * Math.PI * rng.next(),
    })),
    dips: [],
  };
  const span = o.endMs - o.startMs;
  const count = Math.max(1, Math.ceil(span / (4 * 3600000)));
  const slice = span / count;
  const belowMs = (o.hypoFraction * span) / count;
  for (let i = 0; i < count && belowMs > 0; i++) {
    const centreMs = o.startMs + slice * (i + 0.3 + 0.4 * rng.next());
    const nadirMmolL = 2.6 + 0.8 * rng.next();
    // A 5-min CGM cuts the corners of a dip, so the width is searched on what it would record.
    const dip: GlucoseDip = { centreMs, halfWidthMs: slice / 2, nadirMmolL };
    tr.dips.push(dip);
    const seen = (): number => cgmTimeBelow(tr, centreMs - slice / 2, centreMs + slice / 2, o.cgmGridMs ?? o.startMs);
    if (seen() > belowMs) {
      let lo = 0;
      let hi = slice / 2;
      for (let it = 0; it < 30; it++) {
        dip.halfWidthMs = (lo + hi) / 2;
        if (seen() > belowMs) hi = dip.halfWidthMs;
        else lo = dip.halfWidthMs;
      }
      dip.halfWidthMs = (lo + hi) / 2;
    }
  }
  return tr;
}

/** One glucose.csv row before formatting. */
export interface GlucoseReading {
  timeMs: number;
  glucoseMmolL: number;
  type: 'cgm' | 'manual';
}

/**
 * Samples a trajectory like a CGM (every 5 min from `fromMs` to `toMs`, sensor noise σ 0.1 mmol/L,
 * 0.1 resolution, 2.2 mmol/L floor) plus `manualCount` finger-stick readings (σ 0.25 mmol/L) at
 * random whole minutes, merged in time order.
 *
 * @example sampleGlucoseReadings(tr, 0, 3600000, 2, createRng(1)).filter((r) => r.type === 'cgm').length // => 13
 */
export function sampleGlucoseReadings(
  tr: GlucoseTrajectory,
  fromMs: number,
  toMs: number,
  manualCount: number,
  rng: Rng,
): GlucoseReading[] {
  const out: GlucoseReading[] = [];
  const round1 = (v: number): number => Math.round(v * 10) / 10;
  for (let t = fromMs; t <= toMs; t += 300000) {
    out.push({ timeMs: t, glucoseMmolL: Math.max(2.2, round1(glucoseAt(tr, t) + 0.1 * rng.normal())), type: 'cgm' });
  }
  for (let i = 0; i < manualCount; i++) {
    const t = fromMs + Math.round(((toMs - fromMs) * rng.next()) / 60000) * 60000;
    out.push({ timeMs: t, glucoseMmolL: Math.max(1.5, round1(glucoseAt(tr, t) + 0.25 * rng.normal())), type: 'manual' });
  }
  return out.sort((a, b) => a.timeMs - b.timeMs || (a.type === 'cgm' ? -1 : 1));
}
