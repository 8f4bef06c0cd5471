import * as tf from '@tensorflow/tfjs';

const EPSILON = 1e-7;

/**
 * Cross-entropy with a weight per sample: Σᵢ wᵢ·ℓᵢ / batch size (Keras's convention for
 * sample_weight). ℓᵢ is binary cross-entropy for a single sigmoid column, categorical otherwise;
 * targets may be soft (mixup). Probabilities are clipped to [1e-7, 1 − 1e-7] like Keras. tfjs's
 * trainOnBatch takes no sample weights, hence this loss in the project's own training step.
 *
 * With `focalGamma` γ > 0 each term −t·log p is scaled by (1 − p)^γ: the focal loss of Lin et al.
 * 2017, which lets beats the model already gets right (most N beats) fade from the gradient, so
 * the hard ones (S beats that look normal) count more. γ = 0 is plain cross-entropy.
 *
 * @example weightedCrossEntropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[0.5, 0.5]]), tf.tensor1d([2]), false).dataSync() // => [1.386...]
 */
export function weightedCrossEntropy(
  target: tf.Tensor,
  probs: tf.Tensor,
  weight: tf.Tensor,
  sigmoid: boolean,
  focalGamma = 0,
): tf.Scalar {
  return tf.tidy(() => {
    const p = tf.clipByValue(probs, EPSILON, 1 - EPSILON);
    // log p scaled by (1 − p)^γ; γ = 0 leaves the cross-entropy term untouched (no extra ops).
    const term = (q: tf.Tensor) => (focalGamma > 0 ? tf.mul(tf.pow(tf.sub(1, q), focalGamma), tf.log(q)) : tf.log(q));
    let perSample: tf.Tensor;
    if (sigmoid) {
      const t = tf.reshape(target, [-1]);
      const q = tf.reshape(p, [-1]);
      perSample = tf.neg(tf.add(tf.mul(t, term(q)), tf.mul(tf.sub(1, t), term(tf.sub(1, q)))));
    } else {
      perSample = tf.neg(tf.sum(tf.mul(target, term(p)), -1));
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
