import { bandpass } from './bandpass';
import { describeCandidates, dominantMaxima, fivePointDerivative, movingWindowEnergy } from './qrs-transforms';
import { assertFinite, assertPositive, type Samples } from './samples';

/**
 * QRS detection after Pan & Tompkins, "A real-time QRS detection algorithm", IEEE Trans. Biomed.
 * Eng. 32(3):230–236, 1985: 5–15 Hz band-pass, five-point derivative, squaring, 150 ms
 * moving-window integration; each local maximum of the integrated signal is a candidate, taken
 * as QRS when both its integrated peak (PEAKI) and its band-passed peak (PEAKF) exceed the
 * first thresholds THRESHOLD = NPK + 0.25·(SPK − NPK), which follow the signal and noise levels
 * (SPK ← 0.125·PEAK + 0.875·SPK, NPK likewise); 200 ms refractory period; a candidate within
 * 360 ms of the previous QRS whose maximal slope is under half the previous QRS's is a T wave;
 * when no QRS is found within 166 % of RR AVERAGE2 the highest candidate since the last QRS
 * above the second thresholds (half the first) is taken (search-back, SPK ← 0.25·PEAK + 0.75·SPK);
 * when the last RR falls outside 92–116 % of RR AVERAGE2 (irregular rhythm) the first
 * thresholds are halved. Deviations, for any fsHz and offline use: the filters are zero-phase
 * (Butterworth band-pass run forward and backward) and the derivative and integration window are
 * centred, so no delays need compensating; learning phase 1 sets SPK to a third of the largest and
 * NPK to half the mean value of the first 2 s; when eight RR intervals in a row fall outside the
 * limits RR AVERAGE2 restarts from RR AVERAGE1 (the paper's average would never adapt to a
 * lasting change of rate). The R peak is the largest |band-passed| sample within ±75 ms of the
 * candidate.
 *
 * @example panTompkins(readRecord('data/mitdb/100').signals[0].mV, 360).length // => 2273
 * @throws EcgInputError for a non-positive fsHz or a NaN or infinite sample (naming its index)
 */
export function panTompkins(samples: Samples, fsHz: number): Int32Array {
  assertPositive(fsHz, 'fsHz', 'panTompkins');
  const n = samples.length;
  if (n < fsHz) return new Int32Array(0); // under 1 s there is not even one RR interval to learn from
  assertFinite(samples, 'panTompkins');
  if (isConstant(samples)) return new Int32Array(0);
  const f = bandpass(Float64Array.from(samples), fsHz, 5, 15, 2);
  const d = fivePointDerivative(f, fsHz);
  const e = movingWindowEnergy(d, Math.round(0.15 * fsHz));
  const half = Math.round(0.075 * fsHz);
  const refractory = Math.round(0.2 * fsHz);
  const cands = dominantMaxima(e, refractory);
  const tWaveWindow = Math.round(0.36 * fsHz);
  // Per candidate: R location, PEAKI, PEAKF and maximal slope.
  const m = cands.length;
  const { loc, energy: peakI, amplitude: peakF, slope } = describeCandidates(cands, e, f, d, half);

  // Learning phase 1.
  const learn = Math.min(n, Math.round(2 * fsHz));
  let maxE = 0,
    sumE = 0,
    maxF = 0,
    sumF = 0;
  for (let i = 0; i < learn; i++) {
    maxE = Math.max(maxE, e[i]);
    sumE += e[i];
    maxF = Math.max(maxF, Math.abs(f[i]));
    sumF += Math.abs(f[i]);
  }
  let spki = maxE / 3,
    npki = sumE / learn / 2;
  let spkf = maxF / 3,
    npkf = sumF / learn / 2;

  const rr1: number[] = [];
  const rr2: number[] = [];
  let rrAvg1 = 0,
    rrAvg2 = 0;
  let irregular = false;
  let outside = 0;
  let lastQrs = -Infinity;
  let lastSlope = 0;
  let pending: number[] = []; // candidates since the last QRS, for search-back
  const qrs: number[] = [];

  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const accept = (k: number, searchBack: boolean) => {
    const a = searchBack ? 0.25 : 0.125;
    spki = a * peakI[k] + (1 - a) * spki;
    spkf = a * peakF[k] + (1 - a) * spkf;
    if (lastQrs > -Infinity) {
      const rr = loc[k] - lastQrs;
      rr1.push(rr);
      if (rr1.length > 8) rr1.shift();
      rrAvg1 = mean(rr1);
      if (rr2.length === 0 || (rr >= 0.92 * rrAvg2 && rr <= 1.16 * rrAvg2)) {
        rr2.push(rr);
        if (rr2.length > 8) rr2.shift();
        rrAvg2 = mean(rr2);
        irregular = false;
        outside = 0;
      } else {
        irregular = true;
        if (++outside >= 8) {
          rr2.splice(0, rr2.length, ...rr1);
          rrAvg2 = rrAvg1;
          outside = 0;
        }
      }
    }
    lastQrs = loc[k];
    lastSlope = slope[k];
    pending = [];
    qrs.push(loc[k]);
  };
  const noise = (k: number) => {
    npki = 0.125 * peakI[k] + 0.875 * npki;
    npkf = 0.125 * peakF[k] + 0.875 * npkf;
    pending.push(k);
  };
  // Search-back between the last QRS and `until` (a newly found QRS, or the record's end) when
  // that gap exceeds RR MISSED LIMIT: the highest candidate above the second thresholds, at
  // least 200 ms from both ends. Deciding once the next QRS is known keeps a P wave, which
  // precedes its QRS by under 200 ms, out of the search.
  const searchBack = (until: number): void => {
    if (rrAvg2 === 0 || until - lastQrs <= 1.66 * rrAvg2) return;
    const thrI2 = 0.5 * (npki + 0.25 * (spki - npki));
    const thrF2 = 0.5 * (npkf + 0.25 * (spkf - npkf));
    let best = -1;
    for (const k of pending) {
      if (loc[k] - lastQrs < refractory || until - loc[k] < refractory) continue;
      if (peakI[k] > thrI2 && peakF[k] > thrF2 && (best < 0 || peakI[k] > peakI[best])) best = k;
    }
    if (best >= 0) accept(best, true);
  };

  for (let k = 0; k < m; k++) {
    if (loc[k] - lastQrs < refractory) continue;
    let thrI1 = npki + 0.25 * (spki - npki);
    let thrF1 = npkf + 0.25 * (spkf - npkf);
    if (irregular) {
      thrI1 *= 0.5;
      thrF1 *= 0.5;
    }
    if (peakI[k] > thrI1 && peakF[k] > thrF1 && !(loc[k] - lastQrs < tWaveWindow && slope[k] < 0.5 * lastSlope)) {
      searchBack(loc[k]);
      accept(k, false);
    } else {
      noise(k);
    }
  }
  searchBack(n + refractory);
  return Int32Array.from(qrs);
}

/**
 * True when every sample equals the first (a flat line has no QRS complexes).
 *
 * @example isConstant(Float32Array.of(2, 2, 2)) // => true
 */
export function isConstant(x: ArrayLike<number>): boolean {
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) return false;
  return true;
}
