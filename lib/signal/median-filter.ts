import { EcgInputError } from '../common';
import { assertFinite, sameKind, type Samples } from './samples';

/**
 * Running median over a centred window of `width` samples (an even width grows by one), with
 * the edge samples repeated beyond the ends (scipy.ndimage.median_filter with mode 'nearest').
 * Two heaps split the window into its lower and upper halves; each step replaces the oldest
 * sample in place and repairs the heaps, so the cost is O(n·log w) and no memory is allocated
 * per sample.
 *
 * @example medianFilter(new Float64Array([1, 9, 2, 8, 3]), 3) // => [1, 2, 8, 3, 3]
 * @throws EcgInputError for a width below 1 or a NaN or infinite sample
 */
export function medianFilter<T extends Samples>(samples: T, width: number): T {
  if (!(Number.isInteger(width) && width >= 1)) {
    throw new EcgInputError(
      `width ${width}`,
      { file: 'medianFilter', at: 'width' },
      'a positive integer number of samples',
    );
  }
  const n = samples.length;
  const out = sameKind(samples, n);
  if (n === 0) return out;
  assertFinite(samples, 'medianFilter');
  const half = Math.floor(width / 2);
  const w = 2 * half + 1;
  const at = (i: number) => samples[i < 0 ? 0 : i >= n ? n - 1 : i];

  // Ring slot s holds one window value; side[s] says which heap holds it and pos[s] where.
  const vals = new Float64Array(w);
  const side = new Uint8Array(w); // 0: lower half (max-heap lo), 1: upper half (min-heap hi)
  const pos = new Int32Array(w);
  const lo = new Int32Array(half + 1);
  const hi = new Int32Array(half);
  const nLo = half + 1;
  const nHi = half;

  const swapLo = (a: number, b: number) => {
    const sa = lo[a],
      sb = lo[b];
    lo[a] = sb;
    lo[b] = sa;
    pos[sb] = a;
    pos[sa] = b;
  };
  const swapHi = (a: number, b: number) => {
    const sa = hi[a],
      sb = hi[b];
    hi[a] = sb;
    hi[b] = sa;
    pos[sb] = a;
    pos[sa] = b;
  };
  const upLo = (k: number) => {
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (vals[lo[p]] >= vals[lo[k]]) break;
      swapLo(p, k);
      k = p;
    }
  };
  const downLo = (k: number) => {
    for (;;) {
      const l = 2 * k + 1,
        r = l + 1;
      let m = k;
      if (l < nLo && vals[lo[l]] > vals[lo[m]]) m = l;
      if (r < nLo && vals[lo[r]] > vals[lo[m]]) m = r;
      if (m === k) break;
      swapLo(k, m);
      k = m;
    }
  };
  const upHi = (k: number) => {
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (vals[hi[p]] <= vals[hi[k]]) break;
      swapHi(p, k);
      k = p;
    }
  };
  const downHi = (k: number) => {
    for (;;) {
      const l = 2 * k + 1,
        r = l + 1;
      let m = k;
      if (l < nHi && vals[hi[l]] < vals[hi[m]]) m = l;
      if (r < nHi && vals[hi[r]] < vals[hi[m]]) m = r;
      if (m === k) break;
      swapHi(k, m);
      k = m;
    }
  };

  // First window x[−half..half]: sorted, its lower half+1 values form lo (descending order is a
  // valid max-heap) and the rest hi (ascending is a valid min-heap).
  const order = Array.from({ length: w }, (_, s) => s);
  for (let s = 0; s < w; s++) vals[s] = at(s - half);
  order.sort((a, b) => vals[a] - vals[b]);
  for (let k = 0; k < nLo; k++) {
    const s = order[nLo - 1 - k];
    lo[k] = s;
    side[s] = 0;
    pos[s] = k;
  }
  for (let k = 0; k < nHi; k++) {
    const s = order[nLo + k];
    hi[k] = s;
    side[s] = 1;
    pos[s] = k;
  }
  out[0] = vals[lo[0]];

  for (let i = 1; i < n; i++) {
    // The slot of x[i − half − 1] (window position (i − 1) mod w) takes x[i + half].
    const s = (i - 1) % w;
    const old = vals[s];
    const v = at(i + half);
    vals[s] = v;
    if (side[s] === 0) {
      if (v > old) upLo(pos[s]);
      else downLo(pos[s]);
    } else {
      if (v < old) upHi(pos[s]);
      else downHi(pos[s]);
    }
    // One exchange of the two tops restores max(lo) ≤ min(hi): only one value moved.
    if (nHi > 0 && vals[lo[0]] > vals[hi[0]]) {
      const a = lo[0],
        b = hi[0];
      lo[0] = b;
      side[b] = 0;
      pos[b] = 0;
      hi[0] = a;
      side[a] = 1;
      pos[a] = 0;
      downLo(0);
      downHi(0);
    }
    out[i] = vals[lo[0]];
  }
  return out;
}
