import type { KernelConfig } from '@tensorflow/tfjs';
import { hostKernelConfigs } from './host-kernel';

const fr = Math.fround;

/**
 * One Adam step (Kingma & Ba 2015) for every element, each operation rounded to float32 in the
 * order tf.train.adam's ops run them, so that the result is bit-identical to the stock optimizer:
 * m' = β1·m + (1−β1)·g, v' = β2·v + (1−β2)·g², x' = x − lr·(m'/(1−β1ᵗ)) / (√(v'/(1−β2ᵗ)) + ε).
 * `k` holds the float32 constants [β1, 1−β1, β2, 1−β2, 1−β1ᵗ, 1−β2ᵗ, ε, −lr].
 *
 * @example adamStep(x, g, m, v, k, x2, m2, v2) // x2, m2, v2 = the updated variable and moments
 */
export function adamStep(
  x: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  k: Float32Array,
  xOut: Float32Array,
  mOut: Float32Array,
  vOut: Float32Array,
): void {
  const [b1, c1, b2, c2, oma1, oma2, eps, negLr] = k;
  for (let i = 0; i < x.length; i++) {
    const gi = g[i];
    const nm = fr(fr(m[i] * b1) + fr(gi * c1));
    const nv = fr(fr(v[i] * b2) + fr(fr(gi * gi) * c2));
    const bm = fr(nm / oma1);
    const bv = fr(nv / oma2);
    mOut[i] = nm;
    vOut[i] = nv;
    xOut[i] = fr(fr(fr(bm / fr(fr(Math.sqrt(bv)) + eps)) * negLr) + x[i]);
  }
}

/** 'EcgAdamUpdate' (x, g, m, v, k) → [x', m', v']. */
export const adamUpdateKernels: KernelConfig[] = hostKernelConfigs(
  {
    kernelName: 'EcgAdamUpdate',
    outputs: (shapes) => [{ shape: shapes[0] }, { shape: shapes[0] }, { shape: shapes[0] }],
    run: ([x, g, m, v, k], _shapes, [xo, mo, vo]) => adamStep(x, g, m, v, k, xo, mo, vo),
  },
  ['x', 'g', 'm', 'v', 'k'],
);
