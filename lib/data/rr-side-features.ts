/** Names of the side-input columns {@link rrSideFeatures} returns, in order. */
export const RR_FEATURE_NAMES = [
  'preRrSec',
  'postRrSec',
  'preRrRatio',
  'postRrRatio',
  'localRrRatio',
  'preOverLocal',
  'postOverPre',
] as const;

/**
 * Turns the per-beat RR intervals of lib/data / lib/signal (columns preRrSec, postRrSec, localRrSec,
 * averageRrSec in seconds; de Chazal et al. 2004) into a model's side input: pre-RR and post-RR in
 * seconds; pre-RR, post-RR and local RR divided by the record's average RR; and prematurity
 * against the local rhythm (pre-RR / local RR) and the compensatory pause (post-RR / pre-RR). The
 * ratios make the features comparable between patients of different heart rates, which is what
 * carries S beats (premature, short pre-RR) across patients in inter-patient work. A beat without
 * intervals (a record with one beat: NaN) gets 1 s and ratios 1.
 *
 * @example rrSideFeatures(Float32Array.from([1, 1.5, 1.125, 1.1667]), 1) // => [1, 1.5, 0.857, 1.286, 0.964, 0.889, 1.5]
 */
export function rrSideFeatures(rr: Float32Array, n: number): Float32Array {
  const k = RR_FEATURE_NAMES.length;
  const out = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    const [pre, post, local, avg] = [rr[i * 4], rr[i * 4 + 1], rr[i * 4 + 2], rr[i * 4 + 3]];
    if (![pre, post, local, avg].every(Number.isFinite) || avg <= 0 || local <= 0 || pre <= 0) {
      out.set([1, 1, 1, 1, 1, 1, 1], i * k);
      continue;
    }
    out.set([pre, post, pre / avg, post / avg, local / avg, pre / local, post / pre], i * k);
  }
  return out;
}
