import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/engine';
import { crossEntropy, weightedCrossEntropy } from '../../lib/train';
import { expectClose } from '../helpers';

// Two beats: class 0 at p 0.5 with weight 2, class 1 at p 0.8 with weight 1.
const twoRows = () =>
  [
    tf.tensor2d([
      [1, 0],
      [0, 1],
    ]),
    tf.tensor2d([
      [0.5, 0.5],
      [0.2, 0.8],
    ]),
    tf.tensor1d([2, 1]),
  ] as const;

describe('train/weightedCrossEntropy', () => {
  before(async () => {
    await initBackend();
  });

  it('weights each sample and divides by the batch size (Keras sample_weight convention)', () => {
    // Row 1: target class 0, p 0.5 → −ln 0.5 = 0.693147; weight 2.
    // Row 2: target class 1, p 0.8 → −ln 0.8 = 0.223144; weight 1.
    // (2·0.693147 + 1·0.223144) / 2 = 0.804719
    const loss = weightedCrossEntropy(...twoRows(), false);
    expectClose(loss.dataSync()[0], (2 * -Math.log(0.5) - Math.log(0.8)) / 2, 1e-6);
  });

  it('uses binary cross-entropy for a single sigmoid column, with soft targets', () => {
    // t 0.3, p 0.6: −(0.3 ln 0.6 + 0.7 ln 0.4) = 0.3·0.510826 + 0.7·0.916291 = 0.794651
    const loss = weightedCrossEntropy(tf.tensor2d([[0.3]]), tf.tensor2d([[0.6]]), tf.tensor1d([1]), true);
    expectClose(loss.dataSync()[0], -(0.3 * Math.log(0.6) + 0.7 * Math.log(0.4)), 1e-6);
  });

  it('clips probabilities so a confident mistake costs −ln 1e-7, not infinity', () => {
    const loss = weightedCrossEntropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[0, 1]]), tf.tensor1d([1]), false);
    expectClose(loss.dataSync()[0], -Math.log(1e-7), 1e-3);
    expectClose(crossEntropy([0, 1], [0], 2), -Math.log(1e-7), 1e-6);
  });

  it('scales each term by (1 − p)^γ with a focal γ, so confident right answers count less', () => {
    // Row 1: class 0 at p 0.5 → (0.5)²·0.693147 = 0.173287, weight 2.
    // Row 2: class 1 at p 0.8 → (0.2)²·0.223144 = 0.008926, weight 1.
    // (2·0.173287 + 0.008926) / 2 = 0.177750; plain cross-entropy gave 0.804719.
    const focal = weightedCrossEntropy(...twoRows(), false, 2);
    expectClose(focal.dataSync()[0], (2 * 0.25 * -Math.log(0.5) + 0.04 * -Math.log(0.8)) / 2, 1e-6);
    // Binary, soft target t 0.3 at p 0.6, γ 1: −(0.3·0.4·ln 0.6 + 0.7·0.6·ln 0.4) = 0.446134
    const binary = weightedCrossEntropy(tf.tensor2d([[0.3]]), tf.tensor2d([[0.6]]), tf.tensor1d([1]), true, 1);
    expectClose(binary.dataSync()[0], -(0.3 * 0.4 * Math.log(0.6) + 0.7 * 0.6 * Math.log(0.4)), 1e-6);
  });

  it('is plain cross-entropy at focal γ 0', () => {
    const args = [tf.tensor2d([[0, 1, 0]]), tf.tensor2d([[0.2, 0.5, 0.3]]), tf.tensor1d([1])] as const;
    expectClose(weightedCrossEntropy(...args, false, 0).dataSync()[0], -Math.log(0.5), 1e-6);
  });

  it('agrees with the plain-JavaScript validation loss for unit weights', () => {
    const probs = [0.7, 0.2, 0.1, 0.1, 0.1, 0.8];
    const tfLoss = weightedCrossEntropy(
      tf.tensor2d([
        [1, 0, 0],
        [0, 0, 1],
      ]),
      tf.tensor2d(probs, [2, 3]),
      tf.ones([2]),
      false,
    );
    expectClose(tfLoss.dataSync()[0], crossEntropy(probs, [0, 2], 3), 1e-6);
  });
});
