import { strict as assert } from 'assert';
import * as path from 'path';
import { EcgInputError } from '../../lib/common';
import { readBeatDataset, type BeatLabels } from '../../lib/data';
import { initBackend } from '../../lib/engine';
import { evaluateModel, predictRecord, readTrainedModel, type TrainedModel } from '../../lib/train';
import { dataDir } from '../helpers';

// The version 1 model in test/fixtures (trained inter-patient on 106 and 119, tested on 100): no
// training needed here.
const fixture = path.join(__dirname, '..', 'fixtures', 'model-v1');

describe('train/evaluateModel', () => {
  let t: TrainedModel;
  before(async () => {
    await initBackend();
    t = await readTrainedModel(fixture);
  });
  after(() => t.model.dispose());

  it('scores the model’s classes of the annotated beats against their reference labels', async () => {
    const r = await evaluateModel(t, dataDir(), ['100']);
    // The same beats by the other path: ecg predict's classes, the reference labels by the recipe.
    const predicted = await predictRecord(t, path.join(dataDir(), '100'), { useAnnotations: true });
    const rc = t.sidecar.recipe;
    const ds = readBeatDataset({
      dir: dataDir(),
      records: ['100'],
      beforeSamples: rc.beforeSamples,
      afterSamples: rc.afterSamples,
      targetFsHz: rc.fsHz,
      filter: rc.filter,
      bandHz: rc.bandHz,
      labels: t.sidecar.labels as BeatLabels,
    });
    assert.equal(predicted.length, ds.n);
    assert.equal(r.n, ds.n);
    const classes = t.sidecar.classes;
    const want = classes.map(() => classes.map(() => 0));
    predicted.forEach((p, i) => want[ds.y[i]][classes.indexOf(p.class)]++);
    assert.deepEqual(r.confusionMatrix, want);
    const right = predicted.filter((p, i) => classes.indexOf(p.class) === ds.y[i]).length;
    assert.equal(r.accuracy, right / ds.n);
    assert.deepEqual(r.classes, classes);
  });

  it('names the records the model was trained on, since figures on them are no test', async () => {
    const unseen = await evaluateModel(t, dataDir(), ['100']);
    assert.deepEqual(unseen.seenInTraining, []);
    assert.deepEqual(unseen.protocolNotes, [
      'None of these records was used in training (the model was trained inter-patient).',
    ]);
    assert.equal(unseen.modelProtocol, 'inter-patient');
    const seen = await evaluateModel(t, dataDir(), ['119', '100']);
    assert.deepEqual(seen.records, ['119', '100']);
    assert.deepEqual(seen.seenInTraining, ['119']);
    assert.match(seen.protocolNotes[0], /^Record 119 was used in training: figures on it are optimistic/);
  });

  it('fails with an input error naming a record that is not in the folder', async () => {
    await assert.rejects(
      () => evaluateModel(t, dataDir(), ['999']),
      (e: unknown) => e instanceof EcgInputError && /999\.hea: cannot read header/.test(e.message),
    );
  });
});
