/**
 * Two classical single-window features of ventricular fibrillation/flutter (VF/VFL) detection,
 * both compared in Amann, Tratnig & Unterkofler, "Reliability of old and new ventricular
 * fibrillation detection algorithms for automated external defibrillators", BioMed. Eng.
 * OnLine 4:60, 2005: how sinusoidal a stretch is, and how little of it rests on the baseline.
 */

/** What {@link vfFilterLeakage} measures on one window. */
export interface VfLeakage {
  /** Σ|x[i] + x[i−N]| / Σ(|x[i]| + |x[i−N]|): 0 for a sinusoid, near 1 for spiky beats or noise. */
  leakage: number;
  /** N, the estimated half period in samples (Infinity for a flat window). */
  halfPeriod: number;
}

/**
 * The VF-filter leakage of Kuo & Dillman ("Computer detection of ventricular fibrillation",
 * Computers in Cardiology 1978): the window's mean half period is estimated as
 * N = ⌊π·Σ|x[i]| / Σ|x[i] − x[i−1]| + ½⌋ (exact for a sinusoid, whose mean |slope| is ω times
 * its mean |value|), and the leakage is what is left after adding the signal to itself delayed by
 * N, relative to what went in: a notch at the window's own dominant frequency. A sinusoid
 * cancels (leakage → 0); a train of narrow QRS complexes on a flat baseline does not (≳ 0.6).
 * The window should be zero-mean (band-passed).
 *
 * @example vfFilterLeakage(Float64Array.from({ length: 1440 }, (_, i) => Math.sin(2 * Math.PI * 4 * i / 360))).leakage // => ≈ 0.00 (N = 45)
 */
export function vfFilterLeakage(x: ArrayLike<number>): VfLeakage {
  const n = x.length;
  let sumAbs = 0;
  let sumDiff = 0;
  for (let i = 0; i < n; i++) {
    sumAbs += Math.abs(x[i]);
    if (i > 0) sumDiff += Math.abs(x[i] - x[i - 1]);
  }
  if (!(sumDiff > 0)) return { leakage: 1, halfPeriod: Infinity };
  const halfPeriod = Math.floor((Math.PI * sumAbs) / sumDiff + 0.5);
  if (halfPeriod < 1 || halfPeriod >= n) return { leakage: 1, halfPeriod };
  let num = 0;
  let den = 0;
  for (let i = halfPeriod; i < n; i++) {
    num += Math.abs(x[i] + x[i - halfPeriod]);
    den += Math.abs(x[i]) + Math.abs(x[i - halfPeriod]);
  }
  return { leakage: den > 0 ? num / den : 1, halfPeriod };
}

/**
 * The fraction of a window's samples whose magnitude exceeds `level` × its largest magnitude:
 * the threshold-crossing sample count of Arafat, Chowdhury & Hasan ("A simple time domain
 * algorithm for the detection of ventricular fibrillation in electrocardiogram", Signal, Image
 * and Video Processing 5(1), 2011; level 0.2), without their cosine taper. Sinus rhythm rests
 * on the isoelectric line between narrow complexes (≈ 0.1–0.3); flutter and fibrillation have
 * no baseline (a sinusoid gives 1 − 2·asin(0.2)/π ≈ 0.87). 0 for an all-zero window.
 *
 * @example thresholdCrossingFraction(Float64Array.of(0, 0.1, 1, -0.5, 0.15)) // => 0.4 (|1| and |−0.5| exceed 0.2)
 */
export function thresholdCrossingFraction(x: ArrayLike<number>, level = 0.2): number {
  const n = x.length;
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, Math.abs(x[i]));
  if (!(max > 0)) return 0;
  const thr = level * max;
  let count = 0;
  for (let i = 0; i < n; i++) if (Math.abs(x[i]) > thr) count++;
  return count / n;
}
