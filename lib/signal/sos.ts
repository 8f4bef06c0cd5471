/**
 * Second-order sections (biquads): the numerically safe form of an IIR filter. An `Sos` holds
 * the sections one after another as `[b0, b1, b2, a0, a1, a2]` with a0 = 1, the layout of
 * scipy.signal's `sos` arrays, so designs can be compared with scipy's coefficient by coefficient.
 */
export type Sos = Float64Array;

/**
 * The number of second-order sections in `sos`.
 *
 * @example sectionCount(butter(4, 40, 360, 'lowpass')) // => 2
 */
export function sectionCount(sos: Sos): number {
  return sos.length / 6;
}

/**
 * The steady-state delay-line values of each section for a unit step input, in transposed
 * direct form II (the `zi` of scipy.signal.sosfilt_zi); scaled by the first sample they start a
 * filter without a transient.
 *
 * @example sosfiltZi(new Float64Array([1, 0, 0, 1, -0.5, 0]))[0] // => 1
 */
export function sosfiltZi(sos: Sos): Float64Array {
  const n = sectionCount(sos);
  const zi = new Float64Array(2 * n);
  let scale = 1;
  for (let s = 0; s < n; s++) {
    const o = 6 * s;
    const b0 = sos[o],
      b1 = sos[o + 1],
      b2 = sos[o + 2],
      a1 = sos[o + 4],
      a2 = sos[o + 5];
    // With a constant input u the section's output settles at g·u, g = B(1)/A(1); solving the
    // state equations y = b0·u + z1, z1 = b1·u − a1·y + z2, z2 = b2·u − a2·y for the delays.
    const g = (b0 + b1 + b2) / (1 + a1 + a2);
    const z2 = b2 - a2 * g;
    const z1 = b1 - a1 * g + z2;
    zi[2 * s] = z1 * scale;
    zi[2 * s + 1] = z2 * scale;
    scale *= g;
  }
  return zi;
}

/**
 * Runs the sections over `x[from..to)` in place (transposed direct form II, float64 state),
 * section by section; `zi` (2 values per section) is the initial state and is left unchanged.
 * `reverse` runs the filter from `to − 1` down to `from`, which is how the backward pass of a
 * zero-phase filter avoids copying the signal.
 *
 * @example const x = new Float64Array([1, 1]); sosfiltInPlace(new Float64Array([0.5, 0, 0, 1, 0, 0]), x); x // => [0.5, 0.5]
 */
export function sosfiltInPlace(
  sos: Sos,
  x: Float64Array,
  zi?: Float64Array,
  from = 0,
  to = x.length,
  reverse = false,
): void {
  const n = sectionCount(sos);
  const z = zi ? Float64Array.from(zi) : new Float64Array(2 * n);
  // Sections go through memory four, two or one at a time: fewer passes over the signal, and
  // the independent recursions of consecutive sections overlap in the CPU's pipeline.
  let s = 0;
  while (s < n) {
    const group = n - s >= 4 ? 4 : n - s >= 2 ? 2 : 1;
    if (group === 4) sweep4(sos, z, s, x, from, to, reverse);
    else if (group === 2) sweep2(sos, z, s, x, from, to, reverse);
    else sweep1(sos, z, s, x, from, to, reverse);
    s += group;
  }
}

function sweep1(
  sos: Sos,
  z: Float64Array,
  s: number,
  x: Float64Array,
  from: number,
  to: number,
  reverse: boolean,
): void {
  const o = 6 * s;
  const b0 = sos[o],
    b1 = sos[o + 1],
    b2 = sos[o + 2],
    a1 = sos[o + 4],
    a2 = sos[o + 5];
  let z1 = z[2 * s],
    z2 = z[2 * s + 1];
  const step = reverse ? -1 : 1;
  for (let i = reverse ? to - 1 : from, k = to - from; k > 0; k--, i += step) {
    const u = x[i];
    const y = b0 * u + z1;
    z1 = b1 * u - a1 * y + z2;
    z2 = b2 * u - a2 * y;
    x[i] = y;
  }
}

function sweep2(
  sos: Sos,
  z: Float64Array,
  s: number,
  x: Float64Array,
  from: number,
  to: number,
  reverse: boolean,
): void {
  const o = 6 * s;
  const b0 = sos[o],
    b1 = sos[o + 1],
    b2 = sos[o + 2],
    a1 = sos[o + 4],
    a2 = sos[o + 5];
  const c0 = sos[o + 6],
    c1 = sos[o + 7],
    c2 = sos[o + 8],
    d1 = sos[o + 10],
    d2 = sos[o + 11];
  let z1 = z[2 * s],
    z2 = z[2 * s + 1],
    w1 = z[2 * s + 2],
    w2 = z[2 * s + 3];
  const step = reverse ? -1 : 1;
  for (let i = reverse ? to - 1 : from, k = to - from; k > 0; k--, i += step) {
    const u = x[i];
    const y = b0 * u + z1;
    z1 = b1 * u - a1 * y + z2;
    z2 = b2 * u - a2 * y;
    const v = c0 * y + w1;
    w1 = c1 * y - d1 * v + w2;
    w2 = c2 * y - d2 * v;
    x[i] = v;
  }
}

function sweep4(
  sos: Sos,
  z: Float64Array,
  s: number,
  x: Float64Array,
  from: number,
  to: number,
  reverse: boolean,
): void {
  const o = 6 * s;
  const b0 = sos[o],
    b1 = sos[o + 1],
    b2 = sos[o + 2],
    a1 = sos[o + 4],
    a2 = sos[o + 5];
  const c0 = sos[o + 6],
    c1 = sos[o + 7],
    c2 = sos[o + 8],
    d1 = sos[o + 10],
    d2 = sos[o + 11];
  const e0 = sos[o + 12],
    e1 = sos[o + 13],
    e2 = sos[o + 14],
    f1 = sos[o + 16],
    f2 = sos[o + 17];
  const g0 = sos[o + 18],
    g1 = sos[o + 19],
    g2 = sos[o + 20],
    h1 = sos[o + 22],
    h2 = sos[o + 23];
  let z1 = z[2 * s],
    z2 = z[2 * s + 1],
    w1 = z[2 * s + 2],
    w2 = z[2 * s + 3];
  let v1 = z[2 * s + 4],
    v2 = z[2 * s + 5],
    q1 = z[2 * s + 6],
    q2 = z[2 * s + 7];
  const step = reverse ? -1 : 1;
  for (let i = reverse ? to - 1 : from, k = to - from; k > 0; k--, i += step) {
    const u = x[i];
    const y = b0 * u + z1;
    z1 = b1 * u - a1 * y + z2;
    z2 = b2 * u - a2 * y;
    const v = c0 * y + w1;
    w1 = c1 * y - d1 * v + w2;
    w2 = c2 * y - d2 * v;
    const r = e0 * v + v1;
    v1 = e1 * v - f1 * r + v2;
    v2 = e2 * v - f2 * r;
    const t = g0 * r + q1;
    q1 = g1 * r - h1 * t + q2;
    q2 = g2 * r - h2 * t;
    x[i] = t;
  }
}

/**
 * Causal (one-pass) filtering with second-order sections, like scipy.signal.sosfilt with zero
 * initial state; returns a new Float64Array.
 *
 * @example sosfilt(new Float64Array([0.5, 0.5, 0, 1, 0, 0]), new Float64Array([2, 2])) // => [1, 2]
 */
export function sosfilt(sos: Sos, samples: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(samples);
  sosfiltInPlace(sos, x);
  return x;
}

/**
 * The complex frequency response H(e^{jω}) of the sections at `fHz`, evaluated from the
 * coefficients (like scipy.signal.sosfreqz at one frequency); returns `{ re, im, mag }`.
 *
 * @example sosResponse(new Float64Array([0.5, 0.5, 0, 1, 0, 0]), 0, 360).mag // => 1
 */
export function sosResponse(sos: Sos, fHz: number, fsHz: number): { re: number; im: number; mag: number } {
  const w = (2 * Math.PI * fHz) / fsHz;
  // z^-1 and z^-2 on the unit circle.
  const c1 = Math.cos(w),
    s1 = -Math.sin(w);
  const c2 = Math.cos(2 * w),
    s2 = -Math.sin(2 * w);
  let re = 1,
    im = 0;
  for (let s = 0; s < sectionCount(sos); s++) {
    const o = 6 * s;
    const nr = sos[o] + sos[o + 1] * c1 + sos[o + 2] * c2;
    const ni = sos[o + 1] * s1 + sos[o + 2] * s2;
    const dr = sos[o + 3] + sos[o + 4] * c1 + sos[o + 5] * c2;
    const di = sos[o + 4] * s1 + sos[o + 5] * s2;
    const d = dr * dr + di * di;
    const hr = (nr * dr + ni * di) / d;
    const hi = (ni * dr - nr * di) / d;
    const r = re * hr - im * hi;
    im = re * hi + im * hr;
    re = r;
  }
  return { re, im, mag: Math.hypot(re, im) };
}
