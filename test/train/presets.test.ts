import { strict as assert } from 'assert';
import { configForProtocol, decisionWeightList, presetConfig, PRESETS } from '../../lib/train';

describe('train/presets', () => {
  it('every preset passes the config check and carries a seed', () => {
    for (const name of Object.keys(PRESETS)) {
      const c = presetConfig(name);
      assert.equal(c.name, name);
      assert.ok(Number.isInteger(c.seed));
    }
    assert.throws(() => presetConfig('fast'), /unknown preset 'fast'.*quick or full/);
  });

  it('full: inter-patient weights classes on capped beats, intra-patient keeps every beat unweighted and pools the paced records', () => {
    const full = presetConfig('full');
    const inter = configForProtocol(full, 'inter-patient');
    const intra = configForProtocol(full, 'intra-patient');
    assert.equal(inter.training.balancing, 'class-weights');
    assert.ok(inter.data.maxTrainBeatsPerClass > 0);
    assert.equal(intra.training.balancing, 'none');
    assert.equal(intra.data.maxTrainBeatsPerClass, 0);
    assert.equal(intra.data.includePaced, true);
    assert.equal(intra.training.epochs, inter.training.epochs);
  });

  it('full: the DS1 winner (focal γ 2, S/V decision weights) serves inter-patient only; quick and intra-patient keep cross-entropy and argmax', () => {
    const full = presetConfig('full');
    const inter = configForProtocol(full, 'inter-patient');
    const intra = configForProtocol(full, 'intra-patient');
    assert.equal(inter.training.focalGamma, 2);
    assert.deepEqual(
      decisionWeightList(inter.training.decisionWeights, ['N', 'S', 'V', 'F', 'Q']),
      [1, 0.35, 0.71, 1, 1],
    );
    assert.equal(intra.training.focalGamma, 0);
    assert.deepEqual(decisionWeightList(intra.training.decisionWeights, ['N', 'S', 'V', 'F', 'Q']), [1, 1, 1, 1, 1]);
    const quick = presetConfig('quick');
    assert.equal(quick.training.focalGamma, 0);
    assert.deepEqual(quick.training.decisionWeights, {});
  });
});
