import * as tf from '@tensorflow/tfjs';

const EPSILON = 1e-7;

/**
 * Cross-entropy with a weight per sample: Σᵢ wᵢ·ℓᵢ / batch size (Keras's convention for
 * sample_weight). ℓᵢ is binary cross-entropy for a single sigmoid column, categorical otherwise;
 * targets may be soft (mixup). Probabilities are clipped to [1e-7, 1 − 1e-7] like Keras. tfjs's
 * trainOnBatch takes no sample weights, hence this loss in the project's own training step.
 *
 * @example weightedCrossEntropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[0.5, 0.5]]), tf.tensor1d([2]), false).dataSync() // => [1.386...]
 */
export function weightedCrossEntropy(
  target: tf.Tensor,
  probs: tf.Tensor,
  weight: tf.Tensor,
  sigmoid: boolean,
): tf.Scalar {
  return tf.tidy(() => {
    const p = tf.clipByValue(probs, EPSILON, 1 - EPSILON);
    let perSample: tf.Tensor;
    if (sigmoid) {
      const t = tf.reshape(target, [-1]);
      const q = tf.reshape(p, [-1]);
      perSample = tf.neg(tf.add(tf.mul(t, tf.log(q)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, q)))));
    } else {
      perSample = tf.neg(tf.sum(tf.mul(target, tf.log(p)), -1));
    }
    return tf.div(tf.sum(tf.mul(perSample, weight)), perSample.shape[0] as number) as tf.Scalar;
  });
}

/**
 * The same loss in plain JavaScript over row-major arrays, for validation sets evaluated outside
 * the tape (weights all 1).
 *
 * @example crossEntropy(new Float32Array([0.5, 0.5]), new Int32Array([0]), 2) // => 0.693...
 */
export function crossEntropy(probs: ArrayLike<number>, y: ArrayLike<number>, columns: number): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const clip = (v: number) => Math.min(1 - EPSILON, Math.max(EPSILON, v));
    if (columns === 1) {
      const q = clip(probs[i]);
      s -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
    } else {
      s -= Math.log(clip(probs[i * columns + y[i]]));
    }
  }
  return y.length ? s / y.length : 0;
}
