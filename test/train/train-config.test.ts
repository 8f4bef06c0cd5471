import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { configForProtocol, decisionWeightList, readTrainConfig, resolveTrainConfig } from '../../lib/train';
import { tempDir } from '../helpers';

describe('train/trainConfig', () => {
  it('fills defaults for the keys a config leaves out', () => {
    const c = resolveTrainConfig({ model: { arch: 'cnn1d' }, training: { epochs: 3 } });
    assert.equal(c.training.epochs, 3);
    assert.equal(c.training.batchSize, 64);
    assert.equal(c.seed, 42);
    assert.deepEqual(c.data.protocols, ['inter-patient']);
  });

  it('names the key path and the expected type of a wrong value', () => {
    assert.throws(
      () => resolveTrainConfig({ model: { arch: 'cnn1d' }, training: { epochs: 'ten' } }),
      (e: Error) =>
        e.name === 'EcgInputError' && e.message === 'training.epochs: expected a positive integer, got "ten"',
    );
    assert.throws(
      () => resolveTrainConfig({ model: { arch: 'cnn1d' }, data: { preset: 200 } }),
      /data\.preset: expected 187 or 250, got 200/,
    );
    assert.throws(
      () => resolveTrainConfig({ model: { arch: 'cnn1d' }, data: { protocols: ['inter'] } }),
      /data\.protocols\[0\]: expected one of "inter-patient", "intra-patient"/,
    );
    assert.throws(
      () => resolveTrainConfig({ model: { arch: 'cnn1d', dropout: -1 } }),
      /model\.dropout: expected a number in \[0, 1\)/,
    );
    assert.throws(
      () => resolveTrainConfig({ model: { arch: 'cnn1d' }, training: { schedule: { type: 'step', every: 3 } } }),
      /training\.schedule: expected \{"type":"constant"\}/,
    );
  });

  it('lists decision weights in the model’s class order, 1 for classes the config leaves out', () => {
    const c = resolveTrainConfig({ model: { arch: 'cnn1d' }, training: { decisionWeights: { S: 0.5, V: 2 } } });
    assert.deepEqual(decisionWeightList(c.training.decisionWeights, ['N', 'S', 'V', 'F', 'Q']), [1, 0.5, 2, 1, 1]);
    assert.deepEqual(decisionWeightList(undefined, ['N', 'S']), [1, 1]);
    assert.throws(
      () => decisionWeightList({ V: 2 }, ['normal', 'abnormal']),
      /training\.decisionWeights: a decision weight for class 'V'.*normal, abnormal/,
    );
    assert.throws(
      () => resolveTrainConfig({ model: { arch: 'cnn1d' }, training: { decisionWeights: { S: 0 } } }),
      /training\.decisionWeights\.S: expected a positive number, got 0/,
    );
    assert.throws(
      () => resolveTrainConfig({ model: { arch: 'cnn1d' }, training: { decisionWeights: { X: 1 } } }),
      /training\.decisionWeights\.X: unknown key/,
    );
  });

  it('names an unknown key by its path', () => {
    assert.throws(
      () => resolveTrainConfig({ model: { arch: 'cnn1d' }, training: { epoch: 3 } }),
      /^EcgInputError: training\.epoch: unknown key; expected one of epochs, batchSize/,
    );
    assert.throws(() => resolveTrainConfig({ model: { arch: 'cnn1d' }, extra: 1 }), /extra: unknown key/);
  });

  it('reports a missing model and a file that is not JSON, naming the file', () => {
    assert.throws(() => resolveTrainConfig({}), /model: missing/);
    const file = path.join(tempDir(), 'bad.json');
    fs.writeFileSync(file, '{ "model": ');
    assert.throws(() => readTrainConfig(file), new RegExp(`${file.replace(/[.]/g, '\\.')}: is not valid JSON`));
    fs.writeFileSync(file, JSON.stringify({ model: { arch: 'cnn1d' }, training: { batchSize: 0 } }));
    assert.throws(() => readTrainConfig(file), /bad\.json, training\.batchSize: expected a positive integer, got 0/);
  });

  it("applies a protocol's overrides to that protocol only and keeps the rest of the config", () => {
    const c = resolveTrainConfig({
      model: { arch: 'cnn1d' },
      data: { protocols: ['inter-patient', 'intra-patient'], maxTrainBeatsPerClass: 500 },
      training: { epochs: 3, balancing: 'class-weights' },
      protocolOverrides: { 'intra-patient': { data: { maxTrainBeatsPerClass: 0 }, training: { balancing: 'none' } } },
    });
    const inter = configForProtocol(c, 'inter-patient');
    const intra = configForProtocol(c, 'intra-patient');
    assert.equal(inter.data.maxTrainBeatsPerClass, 500);
    assert.equal(inter.training.balancing, 'class-weights');
    assert.equal(intra.data.maxTrainBeatsPerClass, 0);
    assert.equal(intra.training.balancing, 'none');
    assert.equal(intra.training.epochs, 3);
    assert.equal('protocolOverrides' in intra, false);
    assert.equal(c.training.balancing, 'class-weights');
  });

  it('refuses overrides of settings fixed when the beats are loaded, naming the key', () => {
    assert.throws(
      () =>
        resolveTrainConfig({
          model: { arch: 'cnn1d' },
          protocolOverrides: { 'intra-patient': { data: { filter: 'none' } } },
        }),
      /protocolOverrides\.intra-patient\.data\.filter: unknown key; expected one of maxTrainBeatsPerClass/,
    );
    assert.throws(
      () => resolveTrainConfig({ model: { arch: 'cnn1d' }, protocolOverrides: { inter: {} } }),
      /protocolOverrides\.inter: unknown key/,
    );
  });
});
