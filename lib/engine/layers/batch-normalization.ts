import * as tf from '@tensorflow/tfjs';

/** Output and batch moments of training-mode batch normalisation. */
export interface BatchNormTrainingResult {
  y: tf.Tensor;
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
}

/** True when the project's fused batch-norm kernels exist on the backend in use. */
export function hasFusedBatchNorm(): boolean {
  const b = tf.getBackend();
  return tf.getKernel('EcgChannelMoments', b) != null && tf.getKernel('EcgBatchNormGradSums', b) != null;
}

/**
 * Training-mode batch normalisation over all axes but the last (Ioffe & Szegedy 2015), as one
 * differentiable op: moments in one kernel, y = x·a + b with per-channel a, b, and the whole
 * gradient (through the batch moments too) in one kernel, where tf.moments + tf.batchNorm take
 * about thirty full-size kernels forward and backward. Needs hasFusedBatchNorm().
 *
 * @example batchNormTraining(x, gamma, beta, 1e-3).y // => same values as tf.batchNorm(x, ...tf.moments(x, [0, 1]), beta, gamma, 1e-3)
 */
export function batchNormTraining(
  x: tf.Tensor,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
): BatchNormTrainingResult {
  const C = x.shape[x.rank - 1];
  let mean: tf.Tensor1D | undefined;
  let variance: tf.Tensor1D | undefined;
  const op = tf.customGrad(((xs: tf.Tensor, g: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
    const flat = tf.reshape(xs, [-1, C]);
    [mean, variance] = tf.engine().runKernel('EcgChannelMoments', { x: flat }, {}) as tf.Tensor1D[];
    // customGrad runs this body in a tidy; the moments leave it kept and are re-tracked below.
    tf.keep(mean);
    tf.keep(variance);
    const rstd = tf.rsqrt(tf.add(variance, epsilon));
    const a = tf.mul(g, rstd);
    const shift = tf.sub(b, tf.mul(mean, a));
    const value = tf.reshape(tf.add(tf.mul(flat, a), shift), xs.shape);
    save([flat, g, mean, rstd]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        // dβ = Σdy, dγ = r·Σdy(x − μ), dx = k1·dy + k2·x + k3 with k1 = γr, k2 = −γr³·Σdy(x − μ)/N,
        // k3 = −γr·Σdy/N − k2·μ: the sums in one JS pass, dx in broadcast passes on the backend.
        const [sx, sg, sm, sr] = saved;
        const dy2 = tf.reshape(dy, [-1, C]);
        const [sumDy, sumDyXmu] = tf
          .engine()
          .runKernel('EcgBatchNormGradSums', { x: sx, dy: dy2, mean: sm }, {}) as tf.Tensor1D[];
        const n = sx.shape[0];
        const k1 = tf.mul(sg, sr);
        const k2 = tf.mul(tf.mul(k1, tf.square(sr)), tf.mul(sumDyXmu, -1 / n));
        const k3 = tf.sub(tf.mul(k1, tf.mul(sumDy, -1 / n)), tf.mul(k2, sm));
        const dx = tf.add(tf.add(tf.mul(dy2, k1), tf.mul(sx, k2)), k3);
        const dg = tf.mul(sr, sumDyXmu);
        const db = sumDy;
        return [tf.reshape(dx, xs.shape), dg, db];
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  const y = op(x, gamma, beta) as tf.Tensor;
  const kept = [mean as tf.Tensor1D, variance as tf.Tensor1D];
  const [m, v] = kept.map((t) => tf.clone(t));
  tf.dispose(kept);
  return { y, mean: m, variance: v };
}

type LayerCtor = new (args?: object) => tf.layers.Layer;

// tfjs-layers does not export its BatchNormalization class, only a factory; its serialization
// registry holds the class without creating a layer (which would use up an auto-generated name).
function stockBatchNormalization(): LayerCtor {
  const map = tf.serialization.SerializationMap.getMap().classNameMap as unknown as Record<
    string,
    [LayerCtor, unknown]
  >;
  const entry = map.BatchNormalization;
  if (!entry) throw new Error('tfjs-layers BatchNormalization is not registered');
  return entry[0];
}

interface StockFields {
  axis: number;
  momentum: number;
  epsilon: number;
  center: boolean;
  scale: boolean;
  gamma: tf.LayerVariable;
  beta: tf.LayerVariable;
  movingMean: tf.LayerVariable;
  movingVariance: tf.LayerVariable;
}

/**
 * tf.layers.batchNormalization with the same weights, config, inference path and serialised form
 * ('BatchNormalization', so saved models load as the stock layer), whose training path over the
 * last axis runs the fused batchNormTraining op instead of tf.moments + tf.batchNorm.
 */
export class FusedBatchNormalization extends (stockBatchNormalization() as LayerCtor) {
  call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor | tf.Tensor[] {
    const self = this as unknown as StockFields;
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const lastAxis = self.axis === -1 || self.axis === x.rank - 1;
    if (
      !kwargs?.training ||
      !lastAxis ||
      !self.center ||
      !self.scale ||
      x.dtype !== 'float32' ||
      !hasFusedBatchNorm()
    ) {
      return super.call(inputs, kwargs);
    }
    return tf.tidy(() => {
      const { y, mean, variance } = batchNormTraining(
        x,
        self.gamma.read() as tf.Tensor1D,
        self.beta.read() as tf.Tensor1D,
        self.epsilon,
      );
      // The moving averages exactly as the stock layer updates them.
      const decay = 1 - self.momentum;
      for (const [v, value] of [
        [self.movingMean, mean],
        [self.movingVariance, variance],
      ] as const) {
        tf.tidy(() => {
          const orig = v.read();
          v.write(tf.sub(orig, tf.mul(tf.sub(orig, value), decay)));
        });
      }
      return y;
    });
  }
}

/**
 * Drop-in for tf.layers.batchNormalization (same arguments) with a fused training path.
 *
 * @example batchNormalization({ momentum: 0.99 }).apply(x) // training is ~5× faster on wasm
 */
export function batchNormalization(args?: Parameters<typeof tf.layers.batchNormalization>[0]): tf.layers.Layer {
  return new FusedBatchNormalization(args ?? {});
}
