import * as tf from '@tensorflow/tfjs';

type Grads = Parameters<tf.AdamOptimizer['applyGradients']>[0];

interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: { originalName: string; variable: tf.Variable }[];
  accumulatedSecondMoment: { originalName: string; variable: tf.Variable }[];
}

/**
 * tf.train.adam with each variable's update in one kernel instead of about fourteen (the optimizer
 * step was a third of the kernel calls of a reference-CNN training batch). Same state, weights and
 * serialisation ('Adam') as tf.AdamOptimizer, and bit-identical updates (adamStep rounds like the
 * stock ops). Backends without the kernel use the stock code.
 */
export class FusedAdamOptimizer extends tf.AdamOptimizer {
  applyGradients(variableGradients: Grads): void {
    if (tf.getKernel('EcgAdamUpdate', tf.getBackend()) == null) {
      super.applyGradients(variableGradients);
      return;
    }
    const self = this as unknown as AdamState;
    const names = Array.isArray(variableGradients)
      ? variableGradients.map((v) => v.name)
      : Object.keys(variableGradients);
    tf.tidy(() => {
      const fr = Math.fround;
      // sub(1, accBeta) as the stock code computes it, in float32.
      const oma1 = fr(1 - self.accBeta1.dataSync()[0]);
      const oma2 = fr(1 - self.accBeta2.dataSync()[0]);
      const k = tf.tensor1d([
        self.beta1,
        1 - self.beta1,
        self.beta2,
        1 - self.beta2,
        oma1,
        oma2,
        self.epsilon,
        -self.learningRate,
      ]);
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name];
        if (self.accumulatedFirstMoment[i] == null) {
          self.accumulatedFirstMoment[i] = {
            originalName: `${name}/m`,
            variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
          };
        }
        if (self.accumulatedSecondMoment[i] == null) {
          self.accumulatedSecondMoment[i] = {
            originalName: `${name}/v`,
            variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
          };
        }
        const g = Array.isArray(variableGradients)
          ? variableGradients[i].tensor
          : (variableGradients as tf.NamedTensorMap)[name];
        if (g == null) return;
        const m = self.accumulatedFirstMoment[i].variable;
        const v = self.accumulatedSecondMoment[i].variable;
        const [x2, m2, v2] = tf.engine().runKernel('EcgAdamUpdate', { x: value, g, m, v, k }, {}) as tf.Tensor[];
        m.assign(m2);
        v.assign(v2);
        value.assign(x2);
      });
      self.accBeta1.assign(tf.mul(self.accBeta1, self.beta1));
      self.accBeta2.assign(tf.mul(self.accBeta2, self.beta2));
    });
    (this as unknown as { incrementIterations(): void }).incrementIterations();
  }
}

/**
 * Drop-in for tf.train.adam (same arguments and defaults) with fused per-variable updates.
 *
 * @example model.compile({ optimizer: adam(1e-3), loss: 'categoricalCrossentropy' })
 */
export function adam(learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon?: number): FusedAdamOptimizer {
  return new FusedAdamOptimizer(learningRate, beta1, beta2, epsilon);
}
