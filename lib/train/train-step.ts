import * as tf from '@tensorflow/tfjs';
import { batchInputs, type BeatArrays, type Batch } from './beat-arrays';
import { weightedCrossEntropy } from './weighted-loss';

/**
 * One gradient step on a batch: forward pass in training mode (dropout on, batch-norm statistics
 * updated), weighted cross-entropy (focal when `focalGamma` > 0) plus the layers' L2 penalties,
 * then the optimizer's update. Returns the batch loss.
 *
 * @example trainStep(model, tf.train.adam(1e-3), batch, data) // => 1.52 (for example)
 */
export function trainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  batch: Batch,
  data: Pick<BeatArrays, 'length' | 'channels' | 'sideFeatures'>,
  focalGamma = 0,
): number {
  const columns = batch.target.length / batch.rows;
  const sigmoid = columns === 1;
  const inputs = batchInputs(batch, data);
  const target = tf.tensor2d(batch.target, [batch.rows, columns]);
  const weight = tf.tensor1d(batch.weight);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const cost = optimizer.minimize(
    () => {
      const out = model.apply(inputs.length === 1 ? inputs[0] : inputs, { training: true }) as tf.Tensor;
      let loss = weightedCrossEntropy(target, out, weight, sigmoid, focalGamma);
      for (const penalty of model.calculateLosses()) loss = tf.add(loss, penalty);
      return loss;
    },
    true,
    variables,
  );
  const value = cost ? cost.dataSync()[0] : NaN;
  cost?.dispose();
  inputs.forEach((t) => t.dispose());
  target.dispose();
  weight.dispose();
  return value;
}
