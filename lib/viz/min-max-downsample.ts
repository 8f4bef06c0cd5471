/**
 * Picks, for each of `bucketCount` equal runs of samples, the index of the smallest and of the
 * largest sample (in time order), so a line through them keeps every peak and trough a pixel
 * column would show (the "min/max per pixel" decimation used by oscilloscope displays).
 * Returns all indices when there are no more samples than 2 × bucketCount.
 *
 * @example Array.from(minMaxDownsample([0, 5, 1, 2, -3, 2], 2)) // => [0, 1, 3, 4]
 */
export function minMaxDownsample(samples: ArrayLike<number>, bucketCount: number): Int32Array {
  const n = samples.length;
  const buckets = Math.max(1, Math.floor(bucketCount));
  if (n <= 2 * buckets) return Int32Array.from({ length: n }, (_, i) => i);
  const out = new Int32Array(2 * buckets);
  let k = 0;
  for (let b = 0; b < buckets; b++) {
    const lo = Math.floor((b * n) / buckets);
    const hi = Math.floor(((b + 1) * n) / buckets);
    let iMin = lo;
    let iMax = lo;
    for (let i = lo + 1; i < hi; i++) {
      if (samples[i] < samples[iMin]) iMin = i;
      if (samples[i] > samples[iMax]) iMax = i;
    }
    if (iMin === iMax) out[k++] = iMin;
    else if (iMin < iMax) {
      out[k++] = iMin;
      out[k++] = iMax;
    } else {
      out[k++] = iMax;
      out[k++] = iMin;
    }
  }
  return out.slice(0, k);
}
