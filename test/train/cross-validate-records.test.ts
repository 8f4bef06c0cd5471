import { strict as assert } from 'assert';
import {
  crossValidateRecords,
  decisionWeightsAcrossFolds,
  resolveTrainConfig,
  type TrainConfig,
} from '../../lib/train';
import { EcgInputError } from '../../lib/common';
import { dataDir } from '../helpers';

// The DS1 records of the shipped subset; a tiny CNN and one epoch keep each fold to a second.
const RECORDS = ['101', '106', '119', '208', '209'];
function tiny(): TrainConfig {
  return resolveTrainConfig({
    name: 'tiny-cv',
    seed: 3,
    data: {
      dir: dataDir(),
      protocols: ['inter-patient'],
      maxTrainBeatsPerClass: 80,
      validationFraction: 0.2,
      validationBy: 'beats',
      rrFeatures: true,
    },
    model: { arch: 'cnn1d', convBlocks: [{ filters: 4, kernelSize: 5, poolSize: 4 }], dense: [8] },
    training: { epochs: 1, batchSize: 32, learningRate: 0.005, earlyStoppingPatience: 0, maxClassWeight: 6 },
  });
}

describe('train/crossValidateRecords', () => {
  it('holds out whole records, each exactly once, averages the folds’ figures and weighs S and V decisions', async () => {
    const cv = await crossValidateRecords({ config: tiny(), records: RECORDS, k: 3, seed: 1 });
    assert.equal(cv.folds.length, 3);
    const held = cv.folds.flatMap((f) => f.testRecords).sort();
    assert.deepEqual(held, [...RECORDS].sort()); // a partition: every record tested once, none twice
    for (const f of cv.folds) {
      assert.ok(f.testBeats > 0 && f.macroF1 >= 0 && f.macroF1 <= 1);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.ok(Math.abs(cv.macroF1.mean - mean(cv.folds.map((f) => f.macroF1))) < 1e-12);
    const sv = cv.folds.map((f) => ((f.perClass.S?.f1 ?? 0) + (f.perClass.V?.f1 ?? 0)) / 2);
    assert.ok(Math.abs(cv.svF1.mean - mean(sv)) < 1e-12);
    assert.ok(Math.abs(cv.perClass.V.se.mean - mean(cv.folds.map((f) => f.perClass.V.se))) < 1e-12);
    // Decision weights: 1 except for S and V, one set per fold (chosen on the other folds).
    const classes = Object.keys(cv.perClass);
    assert.equal(cv.decision.foldWeights.length, 3);
    for (const w of [cv.decision.weights, ...cv.decision.foldWeights]) {
      assert.equal(w.length, classes.length);
      classes.forEach((c, i) => {
        if (c !== 'S' && c !== 'V') assert.equal(w[i], 1, `${c} weight`);
      });
    }
    assert.ok(cv.decision.svF1.mean >= 0 && cv.decision.svF1.mean <= 1);
  });

  it('scores each fold with the decision weights chosen on the other folds only', () => {
    // Classes N, S. Fold A alone would pick S weight 0.5 (F1 1), fold B alone 2 (F1 1):
    //   A: y N N S S, P(S) .6 .3 .7 .8; B: y N S S, P(S) .2 .4 .45.
    // A scored with B's 2: S for .6 .7 .8 → TP 2 FP 1 → F1 0.8; B scored with A's 0.5: no S → F1 0.
    const fold = (y: number[], pS: number[]) => ({
      y: Int32Array.from(y),
      probs: Float32Array.from(pS.flatMap((s) => [1 - s, s])),
    });
    const d = decisionWeightsAcrossFolds(
      [fold([0, 0, 1, 1], [0.6, 0.3, 0.7, 0.8]), fold([0, 1, 1], [0.2, 0.4, 0.45])],
      ['N', 'S'],
    );
    assert.deepEqual(d.foldWeights, [
      [1, 2],
      [1, 0.5],
    ]);
    assert.ok(Math.abs(d.perClass.S.f1.mean - 0.4) < 1e-12);
    assert.ok(Math.abs(d.svF1.mean - 0.4) < 1e-12);
    // Pooled (all seven beats): weight 2 gives F1 8/9, the best of the grid (worked in decision-weights.test).
    assert.deepEqual(d.weights, [1, 2]);
  });

  it('gives the same folds and figures for the same seed', async () => {
    const a = await crossValidateRecords({ config: tiny(), records: RECORDS, k: 2, seed: 9 });
    const b = await crossValidateRecords({ config: tiny(), records: RECORDS, k: 2, seed: 9 });
    assert.deepEqual(a, b);
  });

  it('refuses fewer records than folds, naming the option', async () => {
    await assert.rejects(
      crossValidateRecords({ config: tiny(), records: ['101', '106'], k: 3, seed: 1 }),
      (e: unknown) => e instanceof EcgInputError && /2 records for 3 folds/.test(e.message),
    );
  });
});
