/**
 * The Pan–Tompkins front-end transforms after the band-pass: five-point derivative, squaring and
 * moving-window integration (Pan & Tompkins, IEEE Trans. Biomed. Eng. 32(3), 1985), all centred
 * so that their peaks line up with the QRS complex instead of lagging it.
 */

/**
 * The five-point derivative y[n] = (−x[n−2] − 2x[n−1] + 2x[n+1] + x[n+2]) · fsHz / 8, centred
 * (zero delay); the ends use the nearest available samples.
 *
 * @example fivePointDerivative(Float64Array.of(0, 1, 2, 3, 4), 8)[2] // => 10 ((−0 − 2 + 6 + 4)·8/8)
 */
export function fivePointDerivative(x: ArrayLike<number>, fsHz: number): Float64Array {
  const n = x.length;
  const y = new Float64Array(n);
  const at = (i: number) => x[i < 0 ? 0 : i >= n ? n - 1 : i];
  const k = fsHz / 8;
  for (let i = 0; i < n; i++) {
    if (i >= 2 && i < n - 2) y[i] = (-x[i - 2] - 2 * x[i - 1] + 2 * x[i + 1] + x[i + 2]) * k;
    else y[i] = (-at(i - 2) - 2 * at(i - 1) + 2 * at(i + 1) + at(i + 2)) * k;
  }
  return y;
}

/**
 * The centred moving average of x² over `width` samples (odd; even widths grow by one): the
 * squared-slope energy of each QRS complex as one smooth hump.
 *
 * @example movingWindowEnergy(Float64Array.of(0, 0, 3, 0, 0), 3) // => [0, 3, 3, 3, 0]
 */
export function movingWindowEnergy(x: ArrayLike<number>, width: number): Float64Array {
  const n = x.length;
  const h = Math.floor(width / 2);
  const w = 2 * h + 1;
  const y = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < Math.min(h, n); i++) sum += x[i] * x[i];
  for (let i = 0; i < n; i++) {
    const add = i + h;
    if (add < n) sum += x[add] * x[add];
    const drop = i - h - 1;
    if (drop >= 0) sum -= x[drop] * x[drop];
    // The running sum can drift below zero by rounding after large values leave the window.
    y[i] = sum > 0 ? sum / w : 0;
  }
  return y;
}

/**
 * Indices of local maxima: x[i] > x[i−1] and x[i] ≥ x[i+1] (a plateau counts once, at its start).
 *
 * @example localMaxima(Float64Array.of(0, 2, 1, 3, 3, 0)) // => [1, 3]
 */
export function localMaxima(x: ArrayLike<number>): Int32Array {
  const out: number[] = [];
  for (let i = 1; i < x.length - 1; i++) if (x[i] > x[i - 1] && x[i] >= x[i + 1]) out.push(i);
  return Int32Array.from(out);
}

/**
 * The local maxima that are the highest within ±`distance` samples of each other (ties keep the
 * earlier), like scipy.signal.find_peaks(x, distance=…): one candidate per hump even when the hump
 * has ripples or a small neighbouring bump.
 *
 * @example dominantMaxima(Float64Array.of(0, 2, 1, 3, 0, 0, 1, 0), 2) // => [3, 6]
 */
export function dominantMaxima(x: ArrayLike<number>, distance: number): Int32Array {
  const peaks = localMaxima(x);
  const m = peaks.length;
  const order = Array.from({ length: m }, (_, k) => k).sort((a, b) => x[peaks[b]] - x[peaks[a]] || a - b);
  const removed = new Uint8Array(m);
  for (const k of order) {
    if (removed[k]) continue;
    for (let j = k - 1; j >= 0 && peaks[k] - peaks[j] <= distance; j--) removed[j] = 1;
    for (let j = k + 1; j < m && peaks[j] - peaks[k] <= distance; j++) removed[j] = 1;
  }
  const out: number[] = [];
  for (let k = 0; k < m; k++) if (!removed[k]) out.push(peaks[k]);
  return Int32Array.from(out);
}

/** What {@link describeCandidates} measures for each candidate QRS. */
export interface QrsCandidates {
  /** Sample of the largest |filtered| value within ±half of the candidate: the R location. */
  loc: Int32Array;
  /** The detection signal's value at the candidate (PEAKI in Pan & Tompkins' terms). */
  energy: Float64Array;
  /** |filtered| at the R location (PEAKF). */
  amplitude: Float64Array;
  /** Largest |derivative| within ±half: the slope used to tell T waves from QRS complexes. */
  slope: Float64Array;
}

/**
 * For each candidate maximum of a detection signal, finds the R location on the filtered signal
 * and measures its energy, amplitude and maximal slope within ±half samples — the per-candidate
 * figures both Pan–Tompkins (1985) and the project's detector decide on.
 *
 * @example describeCandidates(Int32Array.of(2), [0, 1, 3, 1, 0], [0, 1, -4, 1, 0], [1, 2, 0, 2, 1], 1).loc // => Int32Array [2]
 */
export function describeCandidates(
  cands: Int32Array,
  energy: ArrayLike<number>,
  filtered: ArrayLike<number>,
  derivative: ArrayLike<number>,
  half: number,
): QrsCandidates {
  const m = cands.length;
  const n = filtered.length;
  const out: QrsCandidates = {
    loc: new Int32Array(m),
    energy: new Float64Array(m),
    amplitude: new Float64Array(m),
    slope: new Float64Array(m),
  };
  for (let k = 0; k < m; k++) {
    const c = cands[k];
    let best = c,
      bestAbs = -1,
      maxSlope = 0;
    for (let i = Math.max(0, c - half); i <= Math.min(n - 1, c + half); i++) {
      const a = Math.abs(filtered[i]);
      if (a > bestAbs) {
        bestAbs = a;
        best = i;
      }
      const s = Math.abs(derivative[i]);
      if (s > maxSlope) maxSlope = s;
    }
    out.loc[k] = best;
    out.energy[k] = energy[c];
    out.amplitude[k] = bestAbs;
    out.slope[k] = maxSlope;
  }
  return out;
}
