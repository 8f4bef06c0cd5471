import { EcgInputError } from '../common';
import { assertPositive } from './samples';
import { sectionCount, type Sos } from './sos';

// fili (no type declarations): the part of its IIR filter this module uses. A stage is one biquad
// k·(b0 + b1 z⁻¹ + b2 z⁻²) / (1 + a[0] z⁻¹ + a[1] z⁻²); a cascade multiplies the stages' H(z).
interface FiliStage {
  k: number;
  b: [number, number, number];
  a: [number, number];
}
interface FiliResponsePoint {
  magnitude: number;
  phase: number;
}
interface FiliIirFilter {
  response(resolution: number): FiliResponsePoint[];
}
const fili = require('fili') as { IirFilter: new (cascade: FiliStage[]) => FiliIirFilter };

/** A filter's frequency response on a grid of frequencies from 0 Hz up to (not including) fs/2. */
export interface FilterResponse {
  /** The grid: point k is at k·fs/(2·points) Hz. */
  fHz: Float64Array;
  /** |H(f)|. */
  magnitude: Float64Array;
  /** 20·log10 |H(f)| (−Infinity where H is exactly 0, e.g. a band-pass at 0 Hz). */
  magnitudeDb: Float64Array;
  /** arg H(f) in radians, unwrapped along the grid (no 2π jumps); starts in (−π, π]. */
  phaseRad: Float64Array;
  /**
   * Phase delay −arg H(f) / (2π f) in ms: how far the filter shifts a sine of frequency f in
   * time (positive: later). 0 at 0 Hz.
   */
  delayMs: Float64Array;
}

/** The one-pass response of a filter and the effective response of running it forward and backward. */
export interface FilterResponses {
  /** The sections run once, forward (causal, as in streaming): |H| and arg H. */
  onePass: FilterResponse;
  /** Forward then backward (signal/filtfilt): |H|², phase 0, no delay. */
  zeroPhase: FilterResponse;
}

/**
 * The frequency response of second-order sections (as `butter` designs them) on `points` grid
 * frequencies from 0 Hz to just below fs/2, computed by fili's IIR cascade (`IirFilter.response`)
 * built from the same sections; the phase is unwrapped here (fili's own unwrapping reports only
 * its absolute value). Where |H| is 0 the phase is undefined and is taken from the next point.
 *
 * @example filterResponse(butter(2, 40, 360, 'lowpass'), 360, 180).magnitudeDb[40] // => ≈ −3.01 (40 Hz)
 * @throws EcgInputError for a sampling rate that is not positive, fewer than 2 points, or no sections
 */
export function filterResponse(sos: Sos, fsHz: number, points = 512): FilterResponse {
  const what = 'filterResponse';
  assertPositive(fsHz, 'fsHz', what);
  if (!Number.isInteger(points) || points < 2) {
    throw new EcgInputError(`points ${points}`, { file: what, at: 'points' }, 'an integer ≥ 2');
  }
  const n = sectionCount(sos);
  if (!Number.isInteger(n) || n < 1) {
    throw new EcgInputError(
      `${sos.length} coefficients`,
      { file: what, at: 'sos' },
      'second-order sections, 6 coefficients each',
    );
  }
  const cascade: FiliStage[] = [];
  for (let s = 0; s < n; s++) {
    const [b0, b1, b2, a0, a1, a2] = sos.subarray(6 * s, 6 * s + 6);
    cascade.push({ k: 1, b: [b0 / a0, b1 / a0, b2 / a0], a: [a1 / a0, a2 / a0] });
  }
  const res = new fili.IirFilter(cascade).response(points);
  const out: FilterResponse = {
    fHz: new Float64Array(points),
    magnitude: new Float64Array(points),
    magnitudeDb: new Float64Array(points),
    phaseRad: new Float64Array(points),
    delayMs: new Float64Array(points),
  };
  // fili sums the sections' principal phases, so the raw value may lie anywhere in (−nπ, nπ].
  const wrapped = res.map((r) => Math.atan2(Math.sin(r.phase), Math.cos(r.phase)));
  const first = res.findIndex((r) => r.magnitude > 0);
  let prev = first < 0 ? 0 : wrapped[first];
  for (let k = 0; k < points; k++) {
    const f = (k * fsHz) / (2 * points);
    out.fHz[k] = f;
    out.magnitude[k] = res[k].magnitude;
    out.magnitudeDb[k] = 20 * Math.log10(res[k].magnitude);
    let phase = prev;
    if (k >= first && res[k].magnitude > 0) {
      // The multiple of 2π that brings this point within π of the previous one.
      phase = wrapped[k] + 2 * Math.PI * Math.round((prev - wrapped[k]) / (2 * Math.PI));
    }
    out.phaseRad[k] = phase;
    out.delayMs[k] = f > 0 ? (-phase / (2 * Math.PI * f)) * 1000 : 0;
    prev = phase;
  }
  return out;
}

/**
 * The effective response of zero-phase (forward-backward) filtering with the filter whose
 * one-pass response is `onePass`: the backward pass applies H(f)* (the conjugate), so the
 * product is |H(f)|² with phase 0 and no delay at any frequency.
 *
 * @example zeroPhaseResponse(filterResponse(butter(2, 40, 360, 'lowpass'), 360, 180)).magnitudeDb[40] // => ≈ −6.02
 */
export function zeroPhaseResponse(onePass: FilterResponse): FilterResponse {
  return {
    fHz: Float64Array.from(onePass.fHz),
    magnitude: onePass.magnitude.map((m) => m * m),
    magnitudeDb: onePass.magnitudeDb.map((db) => 2 * db),
    phaseRad: new Float64Array(onePass.fHz.length),
    delayMs: new Float64Array(onePass.fHz.length),
  };
}

/**
 * Both responses of one design: as run once (causal) and forward-backward (zero phase, as
 * `bandpass`, `highpass` and `lowpass` apply it).
 *
 * @example filterResponses(butter(2, [0.5, 40], 360, 'bandpass'), 360).zeroPhase.phaseRad[100] // => 0
 */
export function filterResponses(sos: Sos, fsHz: number, points = 512): FilterResponses {
  const onePass = filterResponse(sos, fsHz, points);
  return { onePass, zeroPhase: zeroPhaseResponse(onePass) };
}
