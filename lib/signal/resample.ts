import { EcgInputError } from '../common';
import { assertFinite, assertPositive, type Samples } from './samples';

/**
 * The ratio toHz / fromHz as a fraction up / down in lowest terms (exact for integer rates,
 * else the continued-fraction convergent with down ≤ 10 000 and relative error ≤ 1e-9).
 *
 * @example resampleRatio(360, 250) // => { up: 25, down: 36 }
 * @throws EcgInputError when no such fraction exists
 */
export function resampleRatio(fromHz: number, toHz: number): { up: number; down: number } {
  assertPositive(fromHz, 'fromHz', 'resample');
  assertPositive(toHz, 'toHz', 'resample');
  if (Number.isInteger(fromHz) && Number.isInteger(toHz)) {
    const g = gcd(fromHz, toHz);
    return { up: toHz / g, down: fromHz / g };
  }
  const r = toHz / fromHz;
  // Continued-fraction convergents h/k of r.
  let h0 = 0,
    h1 = 1,
    k0 = 1,
    k1 = 0,
    x = r;
  for (let step = 0; step < 64; step++) {
    const a = Math.floor(x);
    const h2 = a * h1 + h0,
      k2 = a * k1 + k0;
    if (k2 > 10000) break;
    h0 = h1;
    h1 = h2;
    k0 = k1;
    k1 = k2;
    if (Math.abs(h1 / k1 - r) <= 1e-9 * r) return { up: h1, down: k1 };
    if (x - a < 1e-15) break;
    x = 1 / (x - a);
  }
  throw new EcgInputError(
    `rate ratio ${toHz}/${fromHz}`,
    { file: 'resample', at: 'toHz' },
    'rates whose ratio is a fraction with a denominator of at most 10000',
  );
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** The modified Bessel function I0 by its power series (converges fast for the β used here). */
function besselI0(x: number): number {
  let sum = 1,
    term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 200 && term > 1e-17 * sum; k++) {
    term *= q / (k * k);
    sum += term;
  }
  return sum;
}

/**
 * The polyphase branches of a Kaiser-windowed sinc low-pass (β = 5, 10·max(up, down) taps each
 * side, cut off at the lower of the two Nyquist rates: the design of scipy.signal.resample_poly).
 * Branch r holds the taps r, r + up, r + 2·up, …, each branch scaled to a DC gain of exactly 1
 * so a constant signal stays constant.
 */
function polyphaseBank(up: number, down: number): { taps: Float64Array[]; halfLen: number } {
  const maxRate = Math.max(up, down);
  const halfLen = 10 * maxRate;
  const fc = 1 / maxRate; // as a fraction of the upsampled Nyquist rate
  const beta = 5;
  const i0b = besselI0(beta);
  const nTaps = 2 * halfLen + 1;
  const h = new Float64Array(nTaps);
  for (let j = 0; j < nTaps; j++) {
    const t = j - halfLen;
    const sinc = t === 0 ? 1 : Math.sin(Math.PI * fc * t) / (Math.PI * fc * t);
    const ratio = t / halfLen;
    h[j] = fc * sinc * (besselI0(beta * Math.sqrt(Math.max(0, 1 - ratio * ratio))) / i0b);
  }
  const taps: Float64Array[] = [];
  for (let r = 0; r < up; r++) {
    const branch = new Float64Array(Math.ceil((nTaps - r) / up));
    let sum = 0;
    for (let q = 0; q < branch.length; q++) sum += branch[q] = h[r + q * up];
    for (let q = 0; q < branch.length; q++) branch[q] /= sum;
    taps.push(branch);
  }
  return { taps, halfLen };
}

/**
 * Changes the sampling rate by the rational factor toHz / fromHz: zero-stuffing by `up`, an
 * anti-alias/anti-image Kaiser-windowed sinc low-pass at the lower Nyquist rate, keeping every
 * `down`-th sample (polyphase, as scipy.signal.resample_poly; Crochiere & Rabiner 1983). Output
 * sample k lies at input time k·fromHz/toHz (no delay); the output has ceil(n·up/down) samples.
 * Beyond the ends the edge samples are repeated, so a record's first and last beats keep
 * their amplitude.
 *
 * @example resample(new Float32Array(360).fill(1), 360, 250).length // => 250
 * @throws EcgInputError for non-positive rates, an irrational-looking ratio or a non-finite sample
 */
export function resample(samples: Samples, fromHz: number, toHz: number): Float32Array {
  const { up, down } = resampleRatio(fromHz, toHz);
  const n = samples.length;
  if (up === down) return Float32Array.from(samples);
  assertFinite(samples, 'resample');
  const nOut = Math.ceil((n * up) / down);
  const out = new Float32Array(nOut);
  if (n === 0) return out;
  const { taps, halfLen } = polyphaseBank(up, down);
  // Input padded with repeated edge values so the inner loop needs no bounds checks.
  const margin = Math.ceil((2 * halfLen + 1) / up) + 1;
  const x = new Float64Array(n + 2 * margin);
  for (let i = 0; i < x.length; i++) {
    const k = i - margin;
    x[i] = samples[k < 0 ? 0 : k >= n ? n - 1 : k];
  }
  for (let k = 0; k < nOut; k++) {
    // y[k] = Σ_j h[j]·xUp[k·down + halfLen − j], where xUp[m] = x[m / up] when up divides m.
    const m = k * down + halfLen;
    const r = m % up;
    const branch = taps[r];
    let i = (m - r) / up + margin;
    let acc = 0;
    for (let q = 0; q < branch.length; q++, i--) acc += branch[q] * x[i];
    out[k] = acc;
  }
  return out;
}
