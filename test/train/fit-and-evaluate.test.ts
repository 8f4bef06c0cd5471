import { strict as assert } from 'assert';
import { createRng } from '../../lib/common';
import { initBackend } from '../../lib/engine';
import { fitAndEvaluate, type BeatArrays, type FitEvaluateOptions } from '../../lib/train';

// Two easily told classes of 32-sample "beats": class 0 a slow sine, class 1 a narrow spike;
// amplitudes around 5 mV offset by 10 mV, so un-normalised inputs would be badly scaled.
function toyBeats(n: number, seed: number, share1: number): BeatArrays {
  const rng = createRng(seed);
  const length = 32;
  const x = new Float32Array(n * length);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.next() < share1 ? 1 : 0;
    for (let t = 0; t < length; t++) {
      const v = y[i] === 0 ? Math.sin((2 * Math.PI * t) / length) : t === 16 ? 3 : 0;
      x[i * length + t] = 10 + 5 * v + 0.1 * rng.normal();
    }
  }
  return { x, n, length, channels: 1, sideFeatures: 0, y };
}

const model = {
  arch: 'cnn1d',
  convBlocks: [{ filters: 4, kernelSize: 5, poolSize: 2 }],
  dense: [],
  dropout: 0,
  l2: 0,
  batchNorm: false,
};

describe('train/fitAndEvaluate', () => {
  before(async () => {
    await initBackend();
  });

  it('fits the normalisation on the training rows only and learns a separable task', async () => {
    const train = toyBeats(96, 1, 0.25);
    const test = toyBeats(64, 2, 0.5);
    const r = await fitAndEvaluate({
      model,
      classes: ['sine', 'spike'],
      train,
      test,
      seed: 3,
      epochs: 8,
      batchSize: 16,
      learningRate: 0.02,
      normalization: 'zscore',
    });
    let sum = 0;
    for (const v of train.x) sum += v;
    assert.ok(r.normalization && r.normalization.kind === 'zscore');
    assert.ok(Math.abs((r.normalization.mean as number) - sum / train.x.length) < 1e-6, 'mean is the training mean');
    assert.ok(r.report.accuracy > 0.9, `accuracy ${r.report.accuracy}`);
    assert.equal(r.report.n, 64);
  });

  it('gives identical results for the same seed, with oversampling, class weights and mixup', async () => {
    const train = toyBeats(64, 4, 0.2);
    const test = toyBeats(32, 5, 0.5);
    const run = () =>
      fitAndEvaluate({
        model,
        classes: ['sine', 'spike'],
        train,
        test,
        seed: 9,
        epochs: 2,
        batchSize: 16,
        learningRate: 0.01,
        normalization: 'zscore',
        clipAt: 3,
        oversample: true,
        classWeights: true,
        mixupAlpha: 0.2,
      });
    const a = await run();
    const b = await run();
    assert.deepEqual(Array.from(a.probs), Array.from(b.probs));
    assert.deepEqual(a.history, b.history);
  });

  it('changes the result with each of oversampling, class weights, their cap, mixup and the focal loss', async () => {
    // One class in five is a spike: every balancing option has something to change.
    const train = toyBeats(64, 4, 0.2);
    const test = toyBeats(32, 5, 0.5);
    const run = (extra: Partial<FitEvaluateOptions>) =>
      fitAndEvaluate({
        model,
        classes: ['sine', 'spike'],
        train,
        test,
        seed: 9,
        epochs: 2,
        batchSize: 16,
        learningRate: 0.01,
        normalization: 'zscore',
        ...extra,
      });
    const plain = await run({});
    const variants = {
      oversample: await run({ oversample: true }),
      classWeights: await run({ classWeights: true }),
      cappedClassWeights: await run({ classWeights: true, maxClassWeight: 1.2 }),
      mixup: await run({ mixupAlpha: 0.2 }),
      focal: await run({ focalGamma: 2 }),
    };
    // Decision weights change the calls, not the probabilities: a spike weight of 1000 calls every beat a spike.
    const weighted = await run({ decisionWeights: [1, 1000] });
    assert.deepEqual(Array.from(weighted.probs), Array.from(plain.probs));
    assert.equal(weighted.report.perClass.spike.se, 1);
    // Every beat called a spike: +P is the share of spikes among the test beats.
    const spikeShare = Array.from(test.y).filter((v) => v === 1).length / test.n;
    assert.equal(weighted.report.perClass.spike.ppv, spikeShare);
    const losses = (r: typeof plain) => r.history.map((e) => e.loss);
    for (const [name, r] of Object.entries(variants)) {
      assert.notDeepEqual(Array.from(r.probs), Array.from(plain.probs), `${name} left the probabilities unchanged`);
    }
    assert.notDeepEqual(Array.from(variants.cappedClassWeights.probs), Array.from(variants.classWeights.probs));
    // Oversampling adds spike rows up to the sine count: more batches, so the loss differs from
    // the first epoch on; the weights of 64 beats, 13 of them spikes, exceed the cap of 1.2.
    assert.notEqual(losses(variants.oversample)[0], losses(plain)[0]);
    // Every focal term is the cross-entropy term times (1 − p)^γ ≤ 1: the first epoch's loss is lower.
    assert.ok(
      losses(variants.focal)[0] < losses(plain)[0],
      `focal ${losses(variants.focal)[0]} vs ${losses(plain)[0]}`,
    );
    const spikes = Array.from(train.y).filter((v) => v === 1).length;
    assert.ok(64 / (2 * spikes) > 1.2, `class weight ${64 / (2 * spikes)}`);
  });
});
