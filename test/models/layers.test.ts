import { strict as assert } from 'assert';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../lib/common';
import { initBackend } from '../../lib/engine';
import { defaultModelConfig, type ModelConfig } from '../../lib/models';
import { convBlocks, denseHead, dropout, finish, lstm, modelInputs, seedStream } from '../../lib/models/layers';

const base: ModelConfig = { ...defaultModelConfig('cnn1d'), inputLength: 32, seed: 11 };
const classes = (m: tf.LayersModel) => m.layers.map((l) => l.getClassName());

describe('models/layers', () => {
  before(async () => {
    await initBackend();
  });

  it('the seed stream of a build is createRng(config.seed): same seed, same draws', () => {
    const a = seedStream({ seed: 7 });
    const b = createRng(7);
    for (let i = 0; i < 5; i++) assert.equal(a.seed(), b.seed());
    assert.notEqual(seedStream({ seed: 7 }).seed(), seedStream({ seed: 8 }).seed());
  });

  it("names the inputs 'beat' [length, channels] and 'side' [features], the latter only when configured", () => {
    const none = modelInputs({ ...base, channels: 2 });
    assert.deepEqual(none.beat.shape, [null, 32, 2]);
    assert.equal(none.side, undefined);
    const both = modelInputs({ ...base, sideFeatures: 4 });
    assert.deepEqual(both.side!.shape, [null, 4]);
    assert.deepEqual(
      finish(
        base,
        both.beat,
        both.side,
        denseHead(tf.layers.flatten().apply(both.beat) as tf.SymbolicTensor, both.side, base, createRng(1)),
      ).inputNames,
      ['beat', 'side'],
    );
  });

  it('dropout at rate 0 is the identity, yet draws its seed so the later seeds do not move', () => {
    const x = tf.input({ shape: [4] });
    const r0 = createRng(3);
    assert.equal(dropout(x, 0, r0), x);
    const r1 = createRng(3);
    assert.notEqual(dropout(x, 0.5, r1), x);
    assert.equal(r0.seed(), r1.seed());
  });

  it('batchNorm: false leaves out every BatchNormalization layer and gives convolutions a bias', () => {
    const { beat } = modelInputs(base);
    const config = { ...base, batchNorm: false, convBlocks: [{ filters: 4, kernelSize: 7, poolSize: 2 }] };
    const model = tf.model({ inputs: beat, outputs: convBlocks(beat, config, createRng(1), false) });
    assert.equal(model.layers.filter((l) => l.getClassName() === 'BatchNormalization').length, 0);
    const conv = model.layers.find((l) => l.getClassName() === 'Conv1D')!;
    assert.equal(conv.getWeights().length, 2);
    model.dispose();
  });

  it("conv blocks keep the length with 'same' padding, pool by poolSize (1: no pooling) and repeat convsPerBlock times", () => {
    const { beat } = modelInputs(base);
    const config = {
      ...base,
      convsPerBlock: 2,
      dropout: 0.2,
      convBlocks: [
        { filters: 3, kernelSize: 5, poolSize: 1 },
        { filters: 5, kernelSize: 3, poolSize: 4 },
      ],
    };
    const out = convBlocks(beat, config, createRng(1), true);
    assert.deepEqual(out.shape, [null, 8, 5]);
    const model = tf.model({ inputs: beat, outputs: out });
    const block = ['Conv1D', 'BatchNormalization', 'ReLU', 'Conv1D', 'BatchNormalization', 'ReLU'];
    assert.deepEqual(classes(model), [
      'InputLayer',
      ...block,
      'SeededDropout',
      ...block,
      'MaxPooling1D',
      'SeededDropout',
    ]);
    model.dispose();
  });

  it("the dense head ends in a layer named 'output': one sigmoid unit for two classes, softmax otherwise", () => {
    const x = tf.input({ shape: [6] });
    const two = tf.model({
      inputs: x,
      outputs: denseHead(x, undefined, { ...base, numClasses: 2, dense: [] }, createRng(1)),
    });
    assert.equal(two.getLayer('output').getConfig().activation, 'sigmoid');
    assert.deepEqual(two.outputs[0].shape, [null, 1]);
    const five = tf.model({ inputs: x, outputs: denseHead(x, undefined, { ...base, dense: [3] }, createRng(1), true) });
    assert.equal(five.getLayer('output').getConfig().activation, 'softmax');
    assert.deepEqual(five.outputs[0].shape, [null, 5]);
    assert.deepEqual(classes(five), ['InputLayer', 'Dense', 'BatchNormalization', 'SeededDropout', 'Dense']);
  });

  it('names the model after its architecture', () => {
    const { beat } = modelInputs(base);
    const out = denseHead(tf.layers.flatten().apply(beat) as tf.SymbolicTensor, undefined, base, createRng(1));
    assert.equal(finish({ ...base, arch: 'cnn-bilstm' }, beat, undefined, out).name, 'cnn_bilstm');
  });

  it('an LSTM kernel is seeded Glorot uniform, drawn from the stream', () => {
    const x = tf.input({ shape: [10, 3] });
    const model = tf.model({ inputs: x, outputs: lstm(x, 4, false, false, base, createRng(5)) });
    const stream = createRng(5);
    const kernel = tf.initializers.glorotUniform({ seed: stream.seed() }).apply([3, 16]);
    const recurrent = tf.initializers.glorotUniform({ seed: stream.seed() }).apply([4, 16]);
    const [k, r] = model.layers[1].getWeights();
    assert.deepEqual(Array.from(k.dataSync()), Array.from(kernel.dataSync()));
    assert.deepEqual(Array.from(r.dataSync()), Array.from(recurrent.dataSync()));
    model.dispose();
  });

  it('the two directions of a BiLSTM start from different kernels', () => {
    const x = tf.input({ shape: [10, 3] });
    const model = tf.model({ inputs: x, outputs: lstm(x, 4, false, true, base, createRng(5)) });
    const bidi = model.layers.find((l) => l.getClassName() === 'Bidirectional')!;
    const w = bidi.getWeights().map((t) => t.dataSync());
    // Bidirectional's weights: forward [kernel, recurrent, bias], then backward [kernel, recurrent, bias].
    assert.equal(w.length, 6);
    assert.notDeepEqual(Array.from(w[0]), Array.from(w[3]));
    assert.notDeepEqual(Array.from(w[1]), Array.from(w[4]));
    model.dispose();
  });
});
