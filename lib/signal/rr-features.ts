import { EcgInputError } from '../common';
import { assertPositive } from './samples';

/** RR-interval features of each beat, in seconds (de Chazal, O'Dwyer & Reilly 2004). */
export interface RrFeatures {
  /** From the previous R peak to this one (the first beat takes its post-RR). */
  preRrSec: Float32Array;
  /** From this R peak to the next (the last beat takes its pre-RR). */
  postRrSec: Float32Array;
  /** Mean pre-RR of the `localBeats` beats centred on this one (fewer at the record's ends). */
  localRrSec: Float32Array;
  /** Mean RR interval of the whole record, the same for every beat. */
  averageRrSec: Float32Array;
}

/**
 * The RR features of de Chazal et al. (IEEE Trans. Biomed. Eng. 51(7), 2004): pre-RR, post-RR,
 * local average RR (10 beats by default) and the record's average RR, all in seconds.
 *
 * @example rrFeatures(Int32Array.of(0, 360, 900), 360).postRrSec // => [1, 1.5, 1.5]
 * @throws EcgInputError for fewer than two peaks, peaks not strictly increasing, or a non-positive fsHz
 */
export function rrFeatures(peaks: Int32Array, fsHz: number, localBeats = 10): RrFeatures {
  assertPositive(fsHz, 'fsHz', 'rrFeatures');
  const n = peaks.length;
  if (n < 2) throw new EcgInputError(`${n} R peaks`, { file: 'rrFeatures', at: 'peaks' }, 'at least two R peaks');
  const pre = new Float32Array(n),
    post = new Float32Array(n),
    local = new Float32Array(n);
  for (let k = 1; k < n; k++) {
    if (peaks[k] <= peaks[k - 1]) {
      throw new EcgInputError(
        `R peak ${peaks[k]} after ${peaks[k - 1]}`,
        { file: 'rrFeatures', at: `peak ${k}` },
        'strictly increasing R-peak indices',
      );
    }
    pre[k] = (peaks[k] - peaks[k - 1]) / fsHz;
    post[k - 1] = pre[k];
  }
  pre[0] = post[0];
  post[n - 1] = pre[n - 1];
  // Prefix sums of pre-RR make every local mean O(1).
  const cum = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) cum[k + 1] = cum[k] + pre[k];
  const h = Math.floor(localBeats / 2);
  for (let k = 0; k < n; k++) {
    const a = Math.max(0, k - h);
    const b = Math.min(n, a + localBeats);
    const a2 = Math.max(0, b - localBeats);
    local[k] = (cum[b] - cum[a2]) / (b - a2);
  }
  const avg = (peaks[n - 1] - peaks[0]) / fsHz / (n - 1);
  return { preRrSec: pre, postRrSec: post, localRrSec: local, averageRrSec: new Float32Array(n).fill(avg) };
}
