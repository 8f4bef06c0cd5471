/**
 * A dynamical ECG model after ECGSYN (McSharry, Clifford, Tarassenko & Smith 2003, "A dynamical
 * model for generating synthetic electrocardiogram signals", IEEE TBME 50:289–294): a point on a
 * limit cycle of radius 1 turns once per RR interval, and z is pushed by Gaussian events P, Q, R, S,
 * T at fixed angles, together with the RR tachogram of that paper (Mayer and RSA spectral peaks).
 * Written from the equations of the paper.
 */
import type { Rng } from '../common';

/** One PQRST event: angle on the limit cycle (rad), amplitude a and width b (rad) of eq. (3). */
export interface EcgsynWave {
  thetaRad: number;
  a: number;
  b: number;
}

/** Table 1 of McSharry et al. 2003 (P, Q, R, S, T). */
export const ECGSYN_WAVES: readonly EcgsynWave[] = Object.freeze([
  { thetaRad: -Math.PI / 3, a: 1.2, b: 0.25 },
  { thetaRad: -Math.PI / 12, a: -5.0, b: 0.1 },
  { thetaRad: 0, a: 30.0, b: 0.1 },
  { thetaRad: Math.PI / 12, a: -7.5, b: 0.1 },
  { thetaRad: Math.PI / 2, a: 0.75, b: 0.4 },
]);

/** Inputs of {@link ecgsyn}; per-sample arrays have one value per output sample. */
export interface EcgsynInput {
  fsHz: number;
  /** The RR interval in force at each output sample (s). */
  rrSec: Float32Array;
  /** P, Q, R, S, T events (default {@link ECGSYN_WAVES}). */
  waves?: readonly EcgsynWave[];
  /** Extra delay of the T event per sample (s), turned into an angle at the current rate. */
  tDelaySec?: Float32Array;
  /** Factor on the T amplitude per sample (1 = unchanged). */
  tAmplitudeScale?: Float32Array;
  /** Integration steps per output sample (2: RK4 at twice the output rate). */
  substeps?: number;
  /** The model's z is mapped linearly onto this range (ECGSYN uses −0.4..1.2 mV). */
  rangeMv?: [number, number];
}

const TWO_PI = 2 * Math.PI;

/**
 * Integrates the three ECGSYN equations (x, y on the limit cycle, z the ECG) with fourth-order
 * Runge–Kutta after 5 s of warm-up; z is scaled to `rangeMv` and shifted so that the isoelectric
 * level (the median of the first minute) is 0 mV. Angles and widths follow the current heart rate as in ECGSYN (widths × √(HR/60),
 * P and T angles × (HR/60)^¼, Q and S angles × √(HR/60)).
 *
 * @example ecgsyn({ fsHz: 250, rrSec: new Float32Array(2500).fill(1) }).length // => 2500
 */
export function ecgsyn(input: EcgsynInput): Float32Array {
  const { fsHz, rrSec } = input;
  const waves = input.waves ?? ECGSYN_WAVES;
  const sub = input.substeps ?? 2;
  const [lo, hi] = input.rangeMv ?? [-0.4, 1.2];
  const n = rrSec.length;
  const dt = 1 / (fsHz * sub);
  const out = new Float32Array(n);
  const th = new Float64Array(5);
  const aa = new Float64Array(5);
  const inv2b2 = new Float64Array(5);
  const reach = new Float64Array(5);
  let x = 1;
  let y = 0;
  let z = 0;
  let w = 0;
  const dz = (xx: number, yy: number, zz: number): number => {
    const theta = Math.atan2(yy, xx);
    let s = 0;
    for (let i = 0; i < 5; i++) {
      let d = theta - th[i];
      d -= TWO_PI * Math.round(d / TWO_PI);
      // Beyond ~6 widths a Gaussian term is below 1e-8 of its peak: skip the exp.
      if (d > reach[i] || d < -reach[i]) continue;
      s += aa[i] * d * Math.exp(-d * d * inv2b2[i]);
    }
    return -s - zz;
  };
  // A few seconds of warm-up let z forget its start (it relaxes at rate 1/s) before output begins.
  const warm = Math.round(5 * fsHz);
  for (let k = -warm; k < n; k++) {
    const j = k < 0 ? 0 : k;
    const rr = rrSec[j];
    w = TWO_PI / rr;
    const hrFact = Math.sqrt(1 / rr);
    const hrFact2 = Math.sqrt(hrFact);
    for (let i = 0; i < 5; i++) {
      const b = waves[i].b * hrFact;
      th[i] = waves[i].thetaRad * (i === 2 ? 1 : i === 1 || i === 3 ? hrFact : hrFact2);
      aa[i] = waves[i].a;
      inv2b2[i] = 1 / (2 * b * b);
      reach[i] = 6 * b;
    }
    if (input.tDelaySec) th[4] += input.tDelaySec[j] * w;
    if (input.tAmplitudeScale) aa[4] *= input.tAmplitudeScale[j];
    for (let s = 0; s < sub; s++) {
      // RK4 on (x, y, z): x, y follow the limit cycle (eqs. 1–2), z the event sum (eq. 3).
      let r = Math.sqrt(x * x + y * y);
      const k1x = (1 - r) * x - w * y;
      const k1y = (1 - r) * y + w * x;
      const k1z = dz(x, y, z);
      let xx = x + 0.5 * dt * k1x;
      let yy = y + 0.5 * dt * k1y;
      r = Math.sqrt(xx * xx + yy * yy);
      const k2x = (1 - r) * xx - w * yy;
      const k2y = (1 - r) * yy + w * xx;
      const k2z = dz(xx, yy, z + 0.5 * dt * k1z);
      xx = x + 0.5 * dt * k2x;
      yy = y + 0.5 * dt * k2y;
      r = Math.sqrt(xx * xx + yy * yy);
      const k3x = (1 - r) * xx - w * yy;
      const k3y = (1 - r) * yy + w * xx;
      const k3z = dz(xx, yy, z + 0.5 * dt * k2z);
      xx = x + dt * k3x;
      yy = y + dt * k3y;
      r = Math.sqrt(xx * xx + yy * yy);
      const k4x = (1 - r) * xx - w * yy;
      const k4y = (1 - r) * yy + w * xx;
      const k4z = dz(xx, yy, z + dt * k3z);
      x += (dt / 6) * (k1x + 2 * k2x + 2 * k3x + k4x);
      y += (dt / 6) * (k1y + 2 * k2y + 2 * k3y + k4y);
      z += (dt / 6) * (k1z + 2 * k2z + 2 * k3z + k4z);
    }
    if (k >= 0) out[k] = z;
  }
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < n; k++) {
    if (out[k] < min) min = out[k];
    if (out[k] > max) max = out[k];
  }
  const scale = max > min ? (hi - lo) / (max - min) : 0;
  for (let k = 0; k < n; k++) out[k] = lo + (out[k] - min) * scale;
  // Most samples lie on the isoelectric line between beats: their median becomes 0 mV. (The upper
  // median, kept because the published synthetic cohorts were generated with it: common/stats'
  // median moves a few ADC values of the written CSVs by one unit.)
  const sorted = out.slice(0, Math.min(n, Math.round(60 * fsHz))).sort();
  const iso = sorted.length > 0 ? sorted[sorted.length >> 1] : 0;
  for (let k = 0; k < n; k++) out[k] -= iso;
  return out;
}

/** Spectral shape of RR variability: Gaussian peaks at the Mayer (LF) and respiratory (HF) rates. */
export interface TachogramSpectrum {
  /** Standard deviation of RR around its mean (s). */
  rrStdSec: number;
  /** LF/HF power ratio (McSharry et al. use 0.5). */
  lfHfRatio: number;
  /** Mayer-wave frequency (0.1 Hz) and respiratory sinus arrhythmia frequency (0.25 Hz). */
  lfHz?: number;
  hfHz?: number;
  /** Standard deviation of each Gaussian peak (0.01 Hz). */
  widthHz?: number;
}

/**
 * RR fluctuations (s, zero mean) at `fsHz` whose power spectrum is the bimodal Gaussian of
 * McSharry et al. 2003 eq. (5): a sum of 64 cosines per peak with frequencies drawn from it and
 * random phases, evaluated on a 4 Hz grid and interpolated linearly.
 *
 * @example rrFluctuation(250 * 60, 250, { rrStdSec: 0.04, lfHfRatio: 0.5 }, createRng(1)).length // => 15000
 */
export function rrFluctuation(nSamples: number, fsHz: number, spec: TachogramSpectrum, rng: Rng): Float32Array {
  const gridHz = 4;
  const nGrid = Math.ceil((nSamples / fsHz) * gridHz) + 2;
  const grid = new Float64Array(nGrid);
  const perPeak = 64;
  const lfVar = (spec.rrStdSec ** 2 * spec.lfHfRatio) / (1 + spec.lfHfRatio);
  const hfVar = spec.rrStdSec ** 2 / (1 + spec.lfHfRatio);
  const width = spec.widthHz ?? 0.01;
  for (const [centre, variance] of [
    [spec.lfHz ?? 0.1, lfVar],
    [spec.hfHz ?? 0.25, hfVar],
  ]) {
    const amp = Math.sqrt((2 * variance) / perPeak);
    for (let c = 0; c < perPeak; c++) {
      const f = Math.max(0.003, centre + width * rng.normal());
      const step = (TWO_PI * f) / gridHz;
      // Rotate a phasor instead of calling cos at every grid point.
      let re = Math.cos(TWO_PI * rng.next());
      let im = Math.sqrt(Math.max(0, 1 - re * re)) * (rng.next() < 0.5 ? -1 : 1);
      const cs = Math.cos(step);
      const sn = Math.sin(step);
      for (let i = 0; i < nGrid; i++) {
        grid[i] += amp * re;
        const r = re * cs - im * sn;
        im = re * sn + im * cs;
        re = r;
      }
    }
  }
  const out = new Float32Array(nSamples);
  for (let k = 0; k < nSamples; k++) {
    const g = (k / fsHz) * gridHz;
    const i = Math.floor(g);
    out[k] = grid[i] + (g - i) * (grid[i + 1] - grid[i]);
  }
  return out;
}
