import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../../lib/engine';
import { lstm, bidirectional, hasFusedLstm } from '../../../lib/engine/layers/lstm';
import { createRng, randomTensor, maxRelError } from '../kernel-harness';

/** A stock and a fused layer built alike, with the same initial weights. */
function pair(make: (fused: boolean) => tf.layers.Layer, shape: number[]): [tf.LayersModel, tf.LayersModel] {
  const build = (fused: boolean) => {
    const input = tf.input({ shape: shape.slice(1) });
    return tf.model({ inputs: input, outputs: make(fused).apply(input) as tf.SymbolicTensor });
  };
  const a = build(false);
  const b = build(true);
  b.setWeights(a.getWeights());
  return [a, b];
}

/** Gradients of Σ w·output with respect to the input and every weight. */
function grads(m: tf.LayersModel, x: tf.Tensor, w: tf.Tensor): tf.Tensor[] {
  const vars = m.trainableWeights.map((v) => (v as unknown as { val: tf.Variable }).val);
  const f = () => tf.sum(tf.mul(w, m.apply(x, { training: true }) as tf.Tensor)) as tf.Scalar;
  const { grads: g } = tf.variableGrads(f, vars);
  const dx = tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(w, m.apply(xx, { training: true }) as tf.Tensor)))(x);
  return [dx, ...vars.map((v) => g[v.name])];
}

describe('engine/layers/lstm', () => {
  before(async function () {
    await initBackend();
    if (!hasFusedLstm()) this.skip();
  });

  const cases: [string, (fused: boolean) => tf.layers.Layer, number[]][] = [
    ['hardSigmoid gates, last output', (f) => (f ? lstm : tf.layers.lstm)({ units: 5 }), [3, 7, 2]],
    [
      'sigmoid gates, all outputs',
      (f) => (f ? lstm : tf.layers.lstm)({ units: 4, recurrentActivation: 'sigmoid', returnSequences: true }),
      [2, 6, 3],
    ],
    [
      'go backwards',
      (f) => (f ? lstm : tf.layers.lstm)({ units: 3, goBackwards: true, returnSequences: true }),
      [2, 5, 1],
    ],
    [
      'bidirectional',
      (f) =>
        (f ? bidirectional : tf.layers.bidirectional)({ layer: (f ? lstm : tf.layers.lstm)({ units: 4 }) as tf.RNN }),
      [3, 6, 2],
    ],
  ];
  for (const [name, make, shape] of cases) {
    it(`matches tf.layers.lstm in outputs and gradients: ${name}`, () => {
      const rng = createRng(shape.reduce((a, b) => a * 10 + b, 0));
      const [stock, fused] = pair(make, shape);
      const x = tf.tensor(randomTensor(rng, shape).values, shape);
      const yStock = stock.predict(x) as tf.Tensor;
      const yFused = fused.predict(x) as tf.Tensor;
      assert.deepEqual(yFused.shape, yStock.shape);
      assert.ok(maxRelError(yFused.dataSync(), yStock.dataSync()) < 1e-5, 'outputs');
      const w = tf.tensor(randomTensor(rng, yStock.shape).values, yStock.shape);
      const gs = grads(stock, x, w);
      const gf = grads(fused, x, w);
      for (let i = 0; i < gs.length; i++) {
        const err = maxRelError(gf[i].dataSync(), gs[i].dataSync());
        assert.ok(err < 1e-4, `gradient ${i} (${i === 0 ? 'input' : stock.trainableWeights[i - 1].name}): ${err}`);
      }
    });
  }

  it('runs the fused op (not the stock fallback), in both directions of a bidirectional layer', async () => {
    const input = tf.input({ shape: [4, 2] });
    const m = tf.model({
      inputs: input,
      outputs: bidirectional({ layer: lstm({ units: 3 }) as tf.RNN }).apply(input) as tf.SymbolicTensor,
    });
    const info = await tf.profile(() => m.predict(tf.ones([1, 4, 2])) as tf.Tensor);
    assert.equal(info.kernels.filter((k) => k.name === 'EcgLstmForward').length, 2);
  });
});
