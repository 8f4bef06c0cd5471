import { EcgInputError, median } from '../common';
import { HEARTBEAT_CSV_HZ, HEARTBEAT_CSV_LENGTH } from '../io';
import { resample } from './resample';
import { assertPositive } from './samples';

/**
 * The beats of the "ECG heartbeat categorization" CSVs (Kachuee, Fazeli & Sarrafzadeh, "ECG
 * heartbeat classification: a deep transferable representation", IEEE ICHI 2018): the record is
 * resampled to 125 Hz and split into 10 s windows; each window is scaled to [0, 1] (min–max);
 * each beat is the window's signal from its R peak over 1.2 × T, T the median RR interval of the
 * window's peaks (of the whole record when the window has fewer than two), cut at the window's
 * end, and zero-padded (or truncated) to 187 samples. `peaks` are R-peak sample indices at
 * `fsHz`; one row is returned per peak, in order, so labels stay aligned.
 *
 * @example heartbeatCsvBeats(rec.signals[0].mV, 360, detectRPeaks(rec.signals[0].mV, 360))[0].length // => 187
 * @throws EcgInputError for a non-positive fsHz, a peak outside the signal or out of order, fewer than two peaks, or a non-finite sample
 */
export function heartbeatCsvBeats(samples: Float32Array, fsHz: number, peaks: Int32Array): Float32Array[] {
  assertPositive(fsHz, 'fsHz', 'heartbeatCsvBeats');
  for (let k = 0; k < peaks.length; k++) {
    if (!(peaks[k] >= 0 && peaks[k] < samples.length)) {
      throw new EcgInputError(
        `R peak ${peaks[k]} outside the signal`,
        { file: 'heartbeatCsvBeats', at: `peak ${k}` },
        `indices from 0 to ${samples.length - 1}`,
      );
    }
    if (k > 0 && peaks[k] <= peaks[k - 1]) {
      throw new EcgInputError(
        `R peak ${peaks[k]} after ${peaks[k - 1]}`,
        { file: 'heartbeatCsvBeats', at: `peak ${k}` },
        'strictly increasing R-peak indices',
      );
    }
  }
  if (peaks.length < 2) {
    throw new EcgInputError(
      `${peaks.length} R peaks`,
      { file: 'heartbeatCsvBeats', at: 'peaks' },
      'at least two R peaks (an RR interval)',
    );
  }
  const x = resample(samples, fsHz, HEARTBEAT_CSV_HZ);
  const p = Int32Array.from(peaks, (v) => Math.min(x.length - 1, Math.round((v * HEARTBEAT_CSV_HZ) / fsHz)));
  const win = 10 * HEARTBEAT_CSV_HZ;
  const recordT = medianRr(p, 0, p.length);
  const rows: Float32Array[] = [];
  let k = 0;
  for (let a = 0; a < x.length && k < p.length; a += win) {
    const b = Math.min(x.length, a + win);
    const k0 = k;
    while (k < p.length && p[k] < b) k++;
    if (k === k0) continue;
    let lo = Infinity,
      hi = -Infinity;
    for (let i = a; i < b; i++) {
      if (x[i] < lo) lo = x[i];
      if (x[i] > hi) hi = x[i];
    }
    const scale = hi > lo ? 1 / (hi - lo) : 0;
    const t = k - k0 >= 2 ? medianRr(p, k0, k) : recordT;
    const len = Math.round(1.2 * t);
    for (let j = k0; j < k; j++) {
      const row = new Float32Array(HEARTBEAT_CSV_LENGTH);
      const end = Math.min(b, p[j] + len, p[j] + HEARTBEAT_CSV_LENGTH);
      for (let i = p[j]; i < end; i++) row[i - p[j]] = (x[i] - lo) * scale;
      rows.push(row);
    }
  }
  return rows;
}

/** Median of the RR intervals between peaks[from..to) (peaks sorted), in samples. */
function medianRr(peaks: Int32Array, from: number, to: number): number {
  const rr: number[] = [];
  for (let k = from + 1; k < to; k++) rr.push(peaks[k] - peaks[k - 1]);
  return median(rr);
}
