import { strict as assert } from 'assert';
import { crossValidateRecords, resolveTrainConfig, type TrainConfig } from '../../lib/train';
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
  it('holds out whole records, each exactly once, and averages the folds’ figures', async () => {
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
