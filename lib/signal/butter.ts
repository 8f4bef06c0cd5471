import { EcgInputError } from '../common';
import { assertPositive } from './samples';
import { sosResponse, type Sos } from './sos';

/** Which band a Butterworth design passes. */
export type BandKind = 'lowpass' | 'highpass' | 'bandpass';

// Complex numbers as [re, im] pairs: the design handles at most a few dozen of them once.
type C = [number, number];
const cdiv = (a: C, b: C): C => {
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
};
const csqrt = (a: C): C => {
  const r = Math.hypot(a[0], a[1]);
  const re = Math.sqrt((r + a[0]) / 2);
  const im = Math.sqrt(Math.max(0, (r - a[0]) / 2));
  return [re, a[1] < 0 ? -im : im];
};

/**
 * Designs a digital Butterworth filter as second-order sections: analog prototype poles, band
 * transformation at prewarped edges, bilinear transform (the method of scipy.signal.butter;
 * Oppenheim & Schafer, Discrete-Time Signal Processing, §7.1). For 'bandpass' the order is that
 * of the prototype (the band-pass filter has 2·order poles, as in scipy). Each section is scaled
 * to unit gain where the response is exactly 1 (DC, Nyquist or the band's centre), which keeps
 * the sections balanced.
 *
 * @example butter(2, 40, 360, 'lowpass').length // => 6 (one section)
 * @throws EcgInputError for an order outside 1..20 or edges outside (0, fsHz/2)
 */
export function butter(order: number, cutoffHz: number | [number, number], fsHz: number, kind: BandKind): Sos {
  const what = `butter ${kind}`;
  assertPositive(fsHz, 'fsHz', what);
  if (!Number.isInteger(order) || order < 1 || order > 20) {
    throw new EcgInputError(`order ${order}`, { file: what, at: 'order' }, 'an integer from 1 to 20');
  }
  const edges = typeof cutoffHz === 'number' ? [cutoffHz] : cutoffHz;
  if (edges.length !== (kind === 'bandpass' ? 2 : 1)) {
    throw new EcgInputError(
      `${edges.length} cutoff frequencies`,
      { file: what, at: 'cutoffHz' },
      kind === 'bandpass' ? '[lowHz, highHz]' : 'one cutoff',
    );
  }
  for (const f of edges) {
    if (!(f > 0 && f < fsHz / 2)) {
      throw new EcgInputError(
        `cutoff ${f} Hz at fsHz ${fsHz}`,
        { file: what, at: 'cutoffHz' },
        `frequencies strictly between 0 and ${fsHz / 2} Hz`,
      );
    }
  }
  if (kind === 'bandpass' && !(edges[0] < edges[1])) {
    throw new EcgInputError(`band [${edges[0]}, ${edges[1]}] Hz`, { file: what, at: 'cutoffHz' }, 'lowHz < highHz');
  }
  // Prewarping: the bilinear transform maps analog Ω to digital f by Ω = 2·fs·tan(π f / fs).
  const warp = (f: number) => 2 * fsHz * Math.tan((Math.PI * f) / fsHz);
  // Left-half-plane prototype poles of the order-n Butterworth polynomial, upper half first
  // with conjugates implied; a real pole −1 when the order is odd.
  const proto: C[] = [];
  for (let k = 0; k < Math.floor(order / 2); k++) {
    const theta = (Math.PI * (2 * k + 1)) / (2 * order);
    proto.push([-Math.sin(theta), Math.cos(theta)]);
  }
  const realProto = order % 2 === 1;
  // Analog poles after the band transformation, one representative per conjugate pair, plus
  // real poles; and the digital zero pattern of each section.
  const pairs: C[] = [];
  const reals: number[] = [];
  let zeroA = -1; // each section's zeros: z = zeroA and z = zeroB
  let zeroB = -1;
  let refHz = 0; // where each section is scaled to unit gain
  if (kind === 'lowpass') {
    const w = warp(edges[0]);
    for (const p of proto) pairs.push([p[0] * w, p[1] * w]);
    if (realProto) reals.push(-w);
  } else if (kind === 'highpass') {
    const w = warp(edges[0]);
    for (const p of proto) pairs.push(cdiv([w, 0], p));
    if (realProto) reals.push(-w);
    zeroA = zeroB = 1;
    refHz = fsHz / 2;
  } else {
    const w1 = warp(edges[0]);
    const w2 = warp(edges[1]);
    const bw = w2 - w1;
    const w0sq = w1 * w2;
    // Each low-pass pole p becomes the two roots of s² − p·bw·s + w0² = 0.
    const all: C[] = realProto ? [...proto, [-1, 0]] : [...proto];
    for (const p of all) {
      const h: C = [(p[0] * bw) / 2, (p[1] * bw) / 2];
      const d = csqrt([h[0] * h[0] - h[1] * h[1] - w0sq, 2 * h[0] * h[1]]);
      const r1: C = [h[0] + d[0], h[1] + d[1]];
      const r2: C = [h[0] - d[0], h[1] - d[1]];
      if (p[1] === 0 && Math.abs(r1[1]) < 1e-12 * Math.hypot(...r1)) {
        // A real prototype pole can give a complex pair (then r1, r2 are conjugates) or two reals.
        reals.push(r1[0], r2[0]);
      } else if (p[1] === 0) {
        pairs.push(r1[1] > 0 ? r1 : r2);
      } else {
        // For a complex prototype pole the two roots are not conjugates of each other; each
        // stands for a conjugate pair (the other pole of the pair is the transform of conj(p)).
        pairs.push(r1, r2);
      }
    }
    zeroA = 1;
    zeroB = -1;
    refHz = (fsHz / Math.PI) * Math.atan(Math.sqrt(w0sq) / (2 * fsHz));
  }
  const fs2 = 2 * fsHz;
  const bilinear = (p: C): C => cdiv([fs2 + p[0], p[1]], [fs2 - p[0], -p[1]]);
  const sections: number[][] = [];
  for (const p of pairs) {
    const z = bilinear(p);
    // (1 − z·q⁻¹)(1 − z̄·q⁻¹) = 1 − 2Re(z)·q⁻¹ + |z|²·q⁻²
    sections.push([1, -(zeroA + zeroB), zeroA * zeroB, 1, -2 * z[0], z[0] * z[0] + z[1] * z[1]]);
  }
  // Real poles go two to a section (one zero each), a last odd one into a first-order section.
  for (let i = 0; i < reals.length; i += 2) {
    const za = (fs2 + reals[i]) / (fs2 - reals[i]);
    if (i + 1 < reals.length) {
      const zb = (fs2 + reals[i + 1]) / (fs2 - reals[i + 1]);
      sections.push([1, -(zeroA + zeroB), zeroA * zeroB, 1, -(za + zb), za * zb]);
    } else {
      sections.push([1, -zeroA, 0, 1, -za, 0]);
    }
  }
  const sos = new Float64Array(6 * sections.length);
  sections.forEach((sec, s) => {
    const one = new Float64Array(sec);
    const g = 1 / sosResponse(one, refHz, fsHz).mag;
    sos.set([sec[0] * g, sec[1] * g, sec[2] * g, 1, sec[4], sec[5]], 6 * s);
  });
  return sos;
}
