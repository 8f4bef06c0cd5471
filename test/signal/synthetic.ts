import { createRng } from '../../lib/common';

/**
 * A SYNTHETIC ECG-like pulse train for detector tests (not real data): each beat is a narrow
 * Gaussian R wave (σ 12 ms, 1 mV) with a Q/S dip, a P wave (0.12 mV, 160 ms before R) and a
 * T wave (0.3 mV, 0.3·RR after R, at most 280 ms), on a 0.3 Hz baseline wander with seeded
 * white noise of 0.02 mV. Returns the samples and the true R positions.
 */
export function syntheticEcg(opts: { bpm: number; seconds: number; fsHz: number; seed?: number; firstSec?: number }): {
  samples: Float32Array;
  rPeaks: Int32Array;
} {
  const { bpm, seconds, fsHz } = opts;
  const n = Math.round(seconds * fsHz);
  const rr = 60 / bpm;
  const beats: number[] = [];
  for (let t = opts.firstSec ?? 0.5; t < seconds - 0.3; t += rr) beats.push(t);
  const rng = createRng(opts.seed ?? 1);
  const x = new Float32Array(n);
  const g = (t: number, mu: number, sigma: number) => Math.exp(-0.5 * ((t - mu) / sigma) ** 2);
  const tOffset = Math.min(0.28, 0.3 * rr);
  for (let i = 0; i < n; i++) {
    const t = i / fsHz;
    let v = 0.15 * Math.sin(2 * Math.PI * 0.3 * t) + 0.02 * (rng.next() * 2 - 1);
    for (const b of beats) {
      if (Math.abs(t - b) > 0.5) continue;
      v += g(t, b, 0.012) - 0.15 * g(t, b - 0.03, 0.01) - 0.2 * g(t, b + 0.03, 0.01);
      v += 0.12 * g(t, b - 0.16, 0.025) + 0.3 * g(t, b + tOffset, 0.045);
    }
    x[i] = v;
  }
  return { samples: x, rPeaks: Int32Array.from(beats.map((b) => Math.round(b * fsHz))) };
}
