/** Names of the columns {@link rrFeatures} returns, in order. */
export const RR_FEATURE_NAMES = ['preRrSec', 'postRrSec', 'preRrRatio', 'postRrRatio', 'localRrRatio'] as const;

/**
 * RR-interval features of beats (de Chazal et al. 2004): the intervals to the previous and next
 * beat in seconds, and the same two plus the local mean (the 10 RR intervals before the beat)
 * divided by the record's mean RR. The ratios make the features comparable between patients with
 * different heart rates, which is what carries S beats across patients in inter-patient work.
 * `allBeats` are the sample positions of every beat annotation or detection of the record (sorted);
 * `at` are the beats to describe (a subset of allBeats). At the record's ends the missing interval
 * is taken from the neighbouring one.
 *
 * @example rrFeatures(Int32Array.from([0, 360, 720, 1260]), 360, Int32Array.from([720])) // => [1, 1.5, 0.857, 1.286, 0.857]
 * @throws RangeError when fewer than two beats are given or a position in `at` is not among allBeats
 */
export function rrFeatures(allBeats: Int32Array, fsHz: number, at: ArrayLike<number>): Float32Array {
  const m = allBeats.length;
  if (m < 2) throw new RangeError(`rrFeatures: need at least two beats, got ${m}`);
  const rr = new Float64Array(m - 1);
  for (let i = 1; i < m; i++) rr[i - 1] = (allBeats[i] - allBeats[i - 1]) / fsHz;
  const meanRr = rr.reduce((a, b) => a + b, 0) / rr.length;
  const k = RR_FEATURE_NAMES.length;
  const out = new Float32Array(at.length * k);
  let j = 0;
  for (let b = 0; b < at.length; b++) {
    // `at` is usually sorted like allBeats, so a forward scan finds each beat; restart otherwise.
    if (j >= m || allBeats[j] > at[b]) j = 0;
    while (j < m && allBeats[j] < at[b]) j++;
    if (j >= m || allBeats[j] !== at[b]) throw new RangeError(`rrFeatures: beat at sample ${at[b]} is not among the record's beats`);
    const pre = j > 0 ? rr[j - 1] : rr[0];
    const post = j < m - 1 ? rr[j] : rr[m - 2];
    let local = 0;
    let count = 0;
    for (let i = Math.max(0, j - 10); i < j; i++) {
      local += rr[i];
      count++;
    }
    const localMean = count ? local / count : pre;
    out.set([pre, post, pre / meanRr, post / meanRr, localMean / meanRr], b * k);
  }
  return out;
}
