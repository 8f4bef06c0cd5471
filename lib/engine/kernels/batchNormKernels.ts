import type { KernelConfig } from '@tensorflow/tfjs';
import { hostKernelConfigs } from './hostKernel';

/**
 * Per-channel mean and biased variance of x viewed as [rows, C] (channels last), two passes with
 * float64 sums, as tf.moments over all axes but the last.
 *
 * @example channelMoments(new Float32Array([1, 10, 3, 30]), 2, mean, variance) // mean => [2, 20], variance => [1, 100]
 */
export function channelMoments(x: Float32Array, C: number, mean: Float32Array, variance: Float32Array): void {
  const rows = x.length / C;
  const acc = new Float64Array(C);
  for (let i = 0; i < x.length; ) for (let c = 0; c < C; c++, i++) acc[c] += x[i];
  const mu = new Float64Array(C);
  for (let c = 0; c < C; c++) mu[c] = acc[c] / rows;
  acc.fill(0);
  for (let i = 0; i < x.length; ) {
    for (let c = 0; c < C; c++, i++) {
      const d = x[i] - mu[c];
      acc[c] += d * d;
    }
  }
  for (let c = 0; c < C; c++) {
    mean[c] = mu[c];
    variance[c] = acc[c] / rows;
  }
}

/**
 * Gradients of training-mode batch normalisation y = γ·(x − μ)·r + β, r = (σ² + ε)^−½, with μ and
 * σ² the batch's own moments (Ioffe & Szegedy 2015, eq. in §3): dβ = Σdy, dγ = r·Σdy(x − μ),
 * dx = γr·dy − γr·Σdy/N − γr³·(x − μ)·Σdy(x − μ)/N. Sums run over the rows of x, dy as [N, C].
 *
 * @example batchNormGrad(x, dy, mean, rstd, gamma, C, dx, dgamma, dbeta)
 */
export function batchNormGrad(
  x: Float32Array, dy: Float32Array, mean: Float32Array, rstd: Float32Array, gamma: Float32Array, C: number,
  dx: Float32Array, dgamma: Float32Array, dbeta: Float32Array,
): void {
  const N = x.length / C;
  const sumDy = new Float64Array(C);
  const sumDyXmu = new Float64Array(C);
  for (let i = 0; i < x.length; ) {
    for (let c = 0; c < C; c++, i++) {
      const g = dy[i];
      sumDy[c] += g;
      sumDyXmu[c] += g * (x[i] - mean[c]);
    }
  }
  const k1 = new Float64Array(C);
  const k2 = new Float64Array(C);
  const k0 = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    const r = rstd[c];
    const gr = gamma[c] * r;
    k1[c] = gr;
    k0[c] = (-gr * sumDy[c]) / N;
    k2[c] = (-gr * r * r * sumDyXmu[c]) / N;
    dbeta[c] = sumDy[c];
    dgamma[c] = r * sumDyXmu[c];
  }
  for (let i = 0; i < x.length; ) {
    for (let c = 0; c < C; c++, i++) dx[i] = k1[c] * dy[i] + k2[c] * (x[i] - mean[c]) + k0[c];
  }
}

const last = (s: number[]): number => s[s.length - 1];

/** 'EcgChannelMoments' (x) → [mean [C], variance [C]] over all axes but the last. */
export const channelMomentsKernels: KernelConfig[] = hostKernelConfigs(
  {
    kernelName: 'EcgChannelMoments',
    outputs: (shapes) => [{ shape: [last(shapes[0])] }, { shape: [last(shapes[0])] }],
    run: ([x], shapes, [mean, variance]) => channelMoments(x, last(shapes[0]), mean, variance),
  },
  ['x'],
);

/** 'EcgBatchNormGrad' (x, dy, mean, rstd, gamma) → [dx, dgamma, dbeta]. */
export const batchNormGradKernels: KernelConfig[] = hostKernelConfigs(
  {
    kernelName: 'EcgBatchNormGrad',
    outputs: (shapes) => [{ shape: shapes[0] }, { shape: [last(shapes[0])] }, { shape: [last(shapes[0])] }],
    run: ([x, dy, mean, rstd, gamma], shapes, [dx, dgamma, dbeta]) =>
      batchNormGrad(x, dy, mean, rstd, gamma, last(shapes[0]), dx, dgamma, dbeta),
  },
  ['x', 'dy', 'mean', 'rstd', 'gamma'],
);
