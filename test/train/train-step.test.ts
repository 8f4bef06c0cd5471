import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/engine';
import { trainStep } from '../../lib/train';
import { expectClose } from '../helpers';

// Beats of one sample on one lead, straight into a sigmoid unit p = σ(w·x + b).
const shape = { length: 1, channels: 1, sideFeatures: 0 };
function sigmoidUnit(w: number, l2 = 0): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [1, 1] }),
      tf.layers.dense({
        units: 1,
        activation: 'sigmoid',
        kernelInitializer: tf.initializers.constant({ value: w }),
        kernelRegularizer: l2 > 0 ? tf.regularizers.l2({ l2 }) : undefined,
      }),
    ],
  });
  return model;
}
// Two beats x = 1 (class 1) and x = 2 (class 0).
const batch = (weight = [1, 1]) => ({
  x: Float32Array.from([1, 2]),
  target: Float32Array.from([1, 0]),
  weight: Float32Array.from(weight),
  y: Int32Array.from([1, 0]),
  rows: 2,
});
const sigma = (z: number) => 1 / (1 + Math.exp(-z));

describe('train/trainStep', () => {
  before(async () => {
    await initBackend();
  });

  it('returns the batch loss and takes the gradient step worked out by hand', () => {
    // w = b = 0: p = 1/2 for both beats, loss = ln 2. ∂L/∂z = (p − t)·wᵢ / 2 gives
    // ∂L/∂w = ((−½)·1 + (½)·2) / 2 = 0.25 and ∂L/∂b = (−½ + ½) / 2 = 0; SGD at 0.1: w → −0.025.
    const model = sigmoidUnit(0);
    const loss = trainStep(model, tf.train.sgd(0.1), batch(), shape);
    expectClose(loss, Math.LN2, 1e-6, 'loss');
    const [w, b] = model.getWeights().map((t) => t.dataSync()[0]);
    expectClose(w, -0.025, 1e-7, 'w');
    expectClose(b, 0, 1e-7, 'b');
    model.dispose();
  });

  it('weights each beat’s loss term by its sample weight', () => {
    // Weights 3 and 1: L = 3·ln 2 / 2 + ln 2 / 2 = 2 ln 2; ∂L/∂w = (3·(−½)·1 + 1·(½)·2) / 2 = −0.25.
    const model = sigmoidUnit(0);
    expectClose(trainStep(model, tf.train.sgd(0.1), batch([3, 1]), shape), 2 * Math.LN2, 1e-6, 'loss');
    expectClose(model.getWeights()[0].dataSync()[0], 0.025, 1e-7, 'w');
    model.dispose();
  });

  it('adds the layers’ L2 penalties to the loss it returns', () => {
    // w = 1: −ln σ(1) for the class-1 beat, −ln(1 − σ(2)) for the class-0 beat, plus 0.1·w².
    const model = sigmoidUnit(1, 0.1);
    const want = (-Math.log(sigma(1)) - Math.log(1 - sigma(2))) / 2 + 0.1;
    expectClose(trainStep(model, tf.train.sgd(0), batch(), shape), want, 1e-5, 'loss');
    model.dispose();
  });

  it('scales each term by (1 − p)^γ with a focal exponent', () => {
    // p = 1/2 for both beats: every term is ¼·ln 2 at γ = 2.
    const model = sigmoidUnit(0);
    expectClose(trainStep(model, tf.train.sgd(0), batch(), shape, 2), Math.LN2 / 4, 1e-6, 'loss');
    model.dispose();
  });

  it('runs the model in training mode (batch-norm statistics move) and leaves no tensors behind', () => {
    const model = tf.sequential({
      layers: [
        tf.layers.flatten({ inputShape: [1, 1] }),
        tf.layers.batchNormalization({ momentum: 0 }),
        tf.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    const sgd = tf.train.sgd(0.1); // holds its learning rate as a tensor
    const before = tf.memory().numTensors;
    const b = { ...batch(), target: Float32Array.from([0, 1, 1, 0]) };
    trainStep(model, sgd, b, shape);
    // momentum 0: the moving mean becomes the batch mean (1 + 2) / 2.
    const movingMean = model.layers[1].getWeights()[2].dataSync()[0];
    expectClose(movingMean, 1.5, 1e-6, 'moving mean');
    assert.equal(tf.memory().numTensors, before);
    model.dispose();
  });
});
