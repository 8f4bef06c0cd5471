import { bandpass } from './bandpass';
import { flutterEpisodes } from './flutter-episodes';
import { isConstant } from './pan-tompkins';
import { describeCandidates, dominantMaxima, fivePointDerivative, movingWindowEnergy } from './qrs-transforms';
import { assertFinite, assertPositive, type Samples } from './samples';

/** Tuning of {@link detectRPeaks}; the defaults are the values tuned on the MIT-BIH Arrhythmia DB. */
export interface DetectOptions {
  /** Band-pass edges (Hz) of the QRS-enhancing filter; default 6 and 20. */
  lowHz?: number;
  highHz?: number;
  /** First threshold as a fraction of the way from the noise to the signal level; default 0.25. */
  threshold?: number;
  /** A candidate within 300 ms before a larger one whose slope is below this fraction of its slope is a P wave; default 0.8. */
  pWaveSlope?: number;
  /** Drop detections inside the ventricular flutter episodes {@link flutterEpisodes} finds; default true. */
  suppressFlutter?: boolean;
}

/**
 * The project's best R-peak detector: Pan–Tompkins' decision logic (adaptive signal/noise levels,
 * 200 ms refractory period, 360 ms T-wave slope test, search-back over long RR gaps; Pan &
 * Tompkins 1985) on a feature and with rules changed where they failed on the MIT-BIH Arrhythmia
 * DB: a 6–20 Hz band (less P and T energy), the square root of the 150 ms moving-window slope
 * energy (its dynamic range is that of the amplitude, so a large ectopic beat does not lift the
 * threshold above the small beats after it), one candidate per 200 ms, a look-ahead P-wave test
 * (a candidate less steep than 0.8 × a larger candidate under 300 ms later is its P wave), the
 * median of the last 8 RR intervals for the search-back limit (1.66 × the median; the search
 * applies the T- and P-wave tests too), and each R peak moved onto the signal's true extremum:
 * the sample farthest from the chord across ±50 ms of the band-passed peak. Detections inside
 * sustained sinusoid-like high-rate activity ({@link flutterEpisodes}: ventricular flutter, whose
 * waves are not beats) are dropped. Works at any fsHz.
 *
 * @example detectRPeaks(readRecord('data/mitdb/100').signals[0].mV, 360).length // => 2273
 * @throws EcgInputError for a non-positive fsHz or a NaN or infinite sample (naming its index)
 */
export function detectRPeaks(samples: Samples, fsHz: number, options: DetectOptions = {}): Int32Array {
  const lowHz = options.lowHz ?? 6;
  const highHz = options.highHz ?? 20;
  const thrFrac = options.threshold ?? 0.25;
  const pSlope = options.pWaveSlope ?? 0.8;
  assertPositive(fsHz, 'fsHz', 'detectRPeaks');
  const n = samples.length;
  if (n < fsHz) return new Int32Array(0); // under 1 s: not one RR interval to learn from
  assertFinite(samples, 'detectRPeaks');
  if (isConstant(samples)) return new Int32Array(0);
  const f = bandpass(Float64Array.from(samples), fsHz, lowHz, Math.min(highHz, 0.45 * fsHz), 2);
  const d = fivePointDerivative(f, fsHz);
  const e = movingWindowEnergy(d, Math.round(0.15 * fsHz));
  for (let i = 0; i < n; i++) e[i] = Math.sqrt(e[i]);

  const half = Math.round(0.075 * fsHz);
  const refractory = Math.round(0.2 * fsHz);
  const tWave = Math.round(0.36 * fsHz);
  const pWave = Math.round(0.3 * fsHz);
  const cands = dominantMaxima(e, refractory);
  const m = cands.length;
  const { loc, energy: peak, slope } = describeCandidates(cands, e, f, d, half);

  // Learning phase: the first 2 s set the signal and noise levels.
  const learn = Math.min(n, Math.round(2 * fsHz));
  let maxE = 0,
    sumE = 0;
  for (let i = 0; i < learn; i++) {
    maxE = Math.max(maxE, e[i]);
    sumE += e[i];
  }
  let spk = maxE / 3;
  let npk = sumE / learn / 2;
  const rrs: number[] = [];
  let rrMedian = 0;
  let lastQrs = -Infinity;
  let lastSlope = 0;
  let pending: number[] = [];
  const qrs: number[] = [];

  const isT = (k: number) => loc[k] - lastQrs < tWave && slope[k] < 0.5 * lastSlope;
  const isP = (k: number) => {
    for (let j = k + 1; j < m && loc[j] - loc[k] < pWave; j++)
      if (peak[j] > peak[k] && slope[k] < pSlope * slope[j]) return true;
    return false;
  };
  const accept = (k: number, searchBack: boolean) => {
    const a = searchBack ? 0.25 : 0.125;
    spk = a * peak[k] + (1 - a) * spk;
    if (lastQrs > -Infinity) {
      rrs.push(loc[k] - lastQrs);
      if (rrs.length > 8) rrs.shift();
      // The upper median of the last 8 RRs, inside the detector's per-beat loop: the search-back
      // limit was tuned with it, and common/stats' median (mean of the two middle values) gives
      // 14 more false positives on the 48 MIT-BIH records (+2 true positives).
      const sorted = [...rrs].sort((x, y) => x - y);
      rrMedian = sorted[sorted.length >> 1];
    }
    lastQrs = loc[k];
    lastSlope = slope[k];
    qrs.push(loc[k]);
  };
  // Search-back over the gap from the last QRS to `until` once it exceeds 1.66 median RRs:
  // the highest candidate above half the first threshold, 200 ms clear of both ends.
  const searchBack = (until: number): void => {
    while (rrMedian > 0 && until - lastQrs > 1.66 * rrMedian) {
      const thr2 = 0.5 * (npk + thrFrac * (spk - npk));
      let best = -1;
      for (const k of pending) {
        if (loc[k] - lastQrs < refractory || until - loc[k] < refractory || isT(k) || isP(k)) continue;
        if (peak[k] > thr2 && (best < 0 || peak[k] > peak[best])) best = k;
      }
      if (best < 0) return;
      pending = pending.filter((k) => loc[k] > loc[best]);
      accept(best, true);
    }
  };
  for (let k = 0; k < m; k++) {
    if (loc[k] - lastQrs < refractory) continue;
    const thr1 = npk + thrFrac * (spk - npk);
    if (peak[k] > thr1 && !isT(k) && !isP(k)) {
      searchBack(loc[k]);
      accept(k, false);
      pending = [];
    } else {
      npk = 0.125 * peak[k] + 0.875 * npk;
      pending.push(k);
    }
  }
  searchBack(n + refractory);
  const peaks = refineToExtremum(samples, Int32Array.from(qrs), Math.round(0.05 * fsHz));
  if (options.suppressFlutter === false) return peaks;
  const episodes = flutterEpisodes(samples, fsHz);
  if (episodes.length === 0) return peaks;
  let ep = 0;
  return peaks.filter((p) => {
    while (ep < episodes.length && episodes[ep][1] < p) ep++;
    return !(ep < episodes.length && p >= episodes[ep][0]);
  });
}

/**
 * Moves each peak onto the sample within ±`radius` farthest from the chord joining the window's
 * end samples: the R (or, for a QS complex, the S) extremum of the raw signal, free of the filter's
 * smoothing and of a sloping baseline.
 *
 * @example refineToExtremum(Float64Array.of(0, 0, 1, 5, 1, 0, 0), Int32Array.of(2), 2) // => [3]
 */
export function refineToExtremum(samples: ArrayLike<number>, peaks: Int32Array, radius: number): Int32Array {
  const n = samples.length;
  const out = new Int32Array(peaks.length);
  for (let k = 0; k < peaks.length; k++) {
    const a = Math.max(0, peaks[k] - radius);
    const b = Math.min(n - 1, peaks[k] + radius);
    const ya = samples[a];
    const slope = b > a ? (samples[b] - ya) / (b - a) : 0;
    let best = peaks[k],
      bestDev = -1;
    for (let i = a; i <= b; i++) {
      const dev = Math.abs(samples[i] - ya - slope * (i - a));
      if (dev > bestDev) {
        bestDev = dev;
        best = i;
      }
    }
    out[k] = best;
  }
  // Two peaks refined onto one extremum are one beat.
  let w = 0;
  for (let k = 0; k < out.length; k++) if (w === 0 || out[k] > out[w - 1]) out[w++] = out[k];
  return out.slice(0, w);
}
