import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { selectRows } from '../../lib/data';
import { initBackend } from '../../lib/engine';
import {
  BEAT_ARRAYS_ROW_FIELDS,
  batchInputs,
  gatherBatch,
  predictProbabilities,
  type BeatArrays,
} from '../../lib/train/beat-arrays';
import { expectClose } from '../helpers';

// Three beats of 2 samples × 2 leads (beat i holds 10i + 0..3) with 2 side features (100i, 100i + 1).
const data: BeatArrays = {
  n: 3,
  length: 2,
  channels: 2,
  x: Float32Array.from({ length: 12 }, (_, k) => 10 * Math.floor(k / 4) + (k % 4)),
  side: Float32Array.from([0, 1, 100, 101, 200, 201]),
  sideFeatures: 2,
  y: Int32Array.from([0, 2, 1]),
};

describe('train/beatArrays', () => {
  before(async () => {
    await initBackend();
  });

  it('gathers the chosen rows in order, with one-hot targets and the given weights', () => {
    const b = gatherBatch(data, [2, 0], 3, Float32Array.from([0.5, 2, 4]));
    assert.equal(b.rows, 2);
    assert.deepEqual(Array.from(b.x), [20, 21, 22, 23, 0, 1, 2, 3]);
    assert.deepEqual(Array.from(b.side!), [200, 201, 0, 1]);
    assert.deepEqual(Array.from(b.target), [0, 1, 0, 1, 0, 0]);
    assert.deepEqual(Array.from(b.weight), [4, 0.5]);
    assert.deepEqual(Array.from(b.y), [1, 0]);
  });

  it('with one output column the target is 1 for class 1 only, and weights default to 1', () => {
    const b = gatherBatch(data, [0, 1, 2], 1);
    assert.deepEqual(Array.from(b.target), [0, 0, 1]);
    assert.deepEqual(Array.from(b.weight), [1, 1, 1]);
    const plain = gatherBatch({ ...data, side: undefined, sideFeatures: 0 }, [1], 3);
    assert.equal(plain.side, undefined);
  });

  it('turns a batch into a [rows, length, channels] beat tensor and a [rows, features] side tensor', () => {
    const b = gatherBatch(data, [1], 3);
    const [beats, side] = batchInputs(b, data);
    assert.deepEqual(beats.shape, [1, 2, 2]);
    // Row-major: sample 1 of lead 0 of beat 1 is x[1·4 + 1·2 + 0] = 12.
    assert.deepEqual(beats.arraySync(), [
      [
        [10, 11],
        [12, 13],
      ],
    ]);
    assert.deepEqual(side.arraySync(), [[100, 101]]);
    tf.dispose([beats, side]);
    assert.equal(batchInputs({ ...b, side: undefined }, data).length, 1);
  });

  it('predicts every beat in batches, the same whatever the batch size', async () => {
    // softmax(W·flatten(beat) + V·side) with W picking the first two values and V = 0: the
    // probability of class 1 is 1 / (1 + e^(x0 − x1)) = 1 / (1 + e^−1) for every beat.
    const beat = tf.input({ shape: [2, 2] });
    const sideIn = tf.input({ shape: [2] });
    const flat = tf.layers.flatten().apply(beat) as tf.SymbolicTensor;
    const joined = tf.layers.concatenate().apply([flat, sideIn]) as tf.SymbolicTensor;
    const dense = tf.layers.dense({ units: 2, activation: 'softmax', useBias: false });
    const model = tf.model({ inputs: [beat, sideIn], outputs: dense.apply(joined) as tf.SymbolicTensor });
    const w = new Float32Array(12);
    w[0] = 1; // input 0 → class 0
    w[3] = 1; // input 1 → class 1
    dense.setWeights([tf.tensor2d(w, [6, 2])]);
    const p1 = 1 / (1 + Math.exp(-1));
    const want = [1 - p1, p1, 1 - p1, p1, 1 - p1, p1];
    expectClose(await predictProbabilities(model, data), want, 1e-6, 'batch 512');
    expectClose(await predictProbabilities(model, data, 2), want, 1e-6, 'batch 2');
    model.dispose();
  });

  it('its row fields let selectRows pick beats, side features and labels together', () => {
    const s = selectRows(data, [2], BEAT_ARRAYS_ROW_FIELDS);
    assert.equal(s.n, 1);
    assert.deepEqual(Array.from(s.x), [20, 21, 22, 23]);
    assert.deepEqual(Array.from(s.side!), [200, 201]);
    assert.deepEqual(Array.from(s.y), [1]);
  });
});
