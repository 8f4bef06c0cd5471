import { strict as assert } from 'assert';
import { planTrials, runTrial } from '../../lib/sweep';
import { crossValidateRecords, resolveTrainConfig } from '../../lib/train';
import { dataDir } from '../helpers';

describe('sweep/runTrial', function () {
  this.timeout(600000);

  it('a k-fold trial gives the figures of crossValidateRecords on the same config, records and seed', async () => {
    // What keeps notebook 02's preset selection reproducible now that it runs as a sweep.
    const base = {
      name: 'tiny-cv',
      seed: 11,
      data: {
        dir: dataDir(),
        trainRecords: ['101', '106', '119', '208', '209'],
        maxTrainBeatsPerClass: 100,
        validationFraction: 0.1,
        rrFeatures: true,
      },
      model: { arch: 'cnn1d', convBlocks: [{ filters: 4, kernelSize: 5, poolSize: 4 }], dense: [8] },
      training: { epochs: 1, batchSize: 32, earlyStoppingPatience: 0, learningRate: 0.01 },
    };
    const [spec] = planTrials(base, 'train', { kind: 'list', trials: [{ 'training.maxClassWeight': 3 }] }, 3);
    const metrics = await runTrial(spec);
    const config = resolveTrainConfig({ ...base, training: { ...base.training, maxClassWeight: 3 } });
    const cv = await crossValidateRecords({ config, records: base.data.trainRecords, k: 3, seed: 11 });
    assert.equal(metrics.svF1, cv.svF1.mean);
    assert.equal(metrics.svF1Sd, cv.svF1.sd);
    assert.equal(metrics.macroF1, cv.macroF1.mean);
    assert.equal(metrics['S.se'], cv.perClass.S.se.mean);
    assert.equal(metrics['V.ppv'], cv.perClass.V.ppv.mean);
  });
});
