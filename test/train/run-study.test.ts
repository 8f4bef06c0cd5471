import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readDataset } from '../../lib/data';
import { DS1, DS2 } from '../../lib/io';
import {
  listStudyPresets,
  readModelDir,
  readStudyExamples,
  readStudyPreset,
  resolveStudyRun,
  runStudy,
  splitStudyExamples,
  type StudyBudget,
} from '../../lib/train';
import { dataDir, tempDir } from '../helpers';

// A budget small enough that every preset trains one short epoch on the shipped subset in seconds.
const TINY: StudyBudget = {
  epochs: 1,
  maxTrainPerClass: 6,
  maxValidation: 10,
  maxTest: 40,
  minutesPerSubject: 10,
  why: 'test',
};

describe('train/run-study', function () {
  this.timeout(600000);
  const cohortDir = tempDir('ecg-study-cohort-');

  it('splits MIT-BIH beats at random with patients on both sides, and DS1 → DS2 with none', async () => {
    const p = readStudyPreset('study-custom-cnn');
    const own = resolveStudyRun(p, 'study', 'quick');
    const honest = resolveStudyRun(p, 'honest', 'quick');
    const ex = await readStudyExamples(own, { dataDir: dataDir() });
    const r = splitStudyExamples(ex, own);
    const h = splitStudyExamples(ex, honest);
    const shared = r.trainGroups.filter((g) => r.testGroups.includes(g));
    assert.ok(shared.length >= 5, `random split shares only ${shared.length} records`);
    assert.ok(h.trainGroups.every((g) => DS1.includes(g)));
    assert.ok(h.testGroups.every((g) => DS2.includes(g)));
    assert.deepEqual(
      h.trainGroups.filter((g) => h.testGroups.includes(g)),
      [],
    );
    // The budget's caps: per class on the training side, a uniform sample of the test side.
    for (let c = 0; c < ex.classes.length; c++)
      assert.ok(Array.from(r.train).filter((i) => ex.y[i] === c).length <= p.budgets.quick.maxTrainPerClass);
    assert.equal(r.test.length, p.budgets.quick.maxTest);
    // Validation rows come from the training side only.
    const test = new Set(h.test);
    assert.ok(
      Array.from(h.validation).every((i) => !test.has(i) && ex.group[i] !== undefined && DS1.includes(ex.group[i])),
    );
  });

  it('trains every preset for one short epoch on the shipped subset, under both splits', async () => {
    for (const name of listStudyPresets()) {
      const p = readStudyPreset(name);
      const own = resolveStudyRun(p, 'study', TINY);
      const ex = await readStudyExamples(own, { dataDir: dataDir(), cohortDir });
      for (const split of ['study', 'honest'] as const) {
        const r = await runStudy(resolveStudyRun(p, split, TINY), { examples: ex });
        assert.equal(r.synthetic, name === 'study-hypoglycemia', name);
        assert.deepEqual(Object.keys(r.models), Object.keys(p.models));
        const testN = Object.values(r.data.testCounts).reduce((a, b) => a + b, 0);
        for (const [model, m] of Object.entries(r.models)) {
          assert.equal(m.epochsRun, 1, `${name} ${model}`);
          assert.ok(Number.isFinite(m.history[0].loss), `${name} ${model}: loss ${m.history[0].loss}`);
          assert.equal(
            m.confusionMatrix.flat().reduce((a, b) => a + b, 0),
            testN,
          );
          assert.ok(m.metrics.accuracy! >= 0 && m.metrics.accuracy! <= 1);
          assert.ok(m.parameters > 1000);
        }
      }
    }
  });

  it('gives identical figures when a preset is run again, and writes its results and model', async () => {
    const config = resolveStudyRun(readStudyPreset('study-custom-cnn'), 'honest', TINY);
    const out = tempDir();
    const a = await runStudy(config, { dataDir: dataDir(), outDir: out });
    const b = await runStudy(config, { dataDir: dataDir() });
    assert.deepEqual(b.models, a.models);
    const saved = JSON.parse(fs.readFileSync(path.join(out, 'evaluation_results.json'), 'utf8'));
    assert.deepEqual(saved.models, JSON.parse(JSON.stringify(a.models)));
    assert.equal(saved.split.kind, 'inter-patient');
    const { model } = await readModelDir(path.join(out, 'custom-cnn', 'model'));
    assert.equal(model.countParams(), a.models['Custom CNN'].parameters);
    model.dispose();
  });

  it("writes the processed dataset with each side's rows, and best and final checkpoints per model", async () => {
    const preset = readStudyPreset('study-stacked-lstm');
    const config = resolveStudyRun(preset, 'honest', { ...TINY, epochs: 2 });
    const out = tempDir();
    const r = await runStudy(config, { dataDir: dataDir(), outDir: out });
    const ds = readDataset<{
      x: Float32Array;
      n: number;
      length: number;
      group: string[];
      trainRows: Int32Array;
      testRows: Int32Array;
      split: string;
    }>(path.join(out, 'processed-dataset'));
    assert.equal(ds.x.length, ds.n * ds.length);
    assert.equal(ds.length, 250, "the study's 250-sample beats");
    assert.equal(ds.split, 'inter-patient');
    // The rows it stores are the ones the run counted, and no patient is on both sides.
    const counted = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    assert.equal(ds.trainRows.length, counted(r.data.trainCounts));
    assert.equal(ds.testRows.length, counted(r.data.testCounts));
    const trainGroups = new Set(Array.from(ds.trainRows, (i) => ds.group[i]));
    assert.ok(Array.from(ds.testRows, (i) => ds.group[i]).every((g) => !trainGroups.has(g)));
    const dir = path.join(out, 'stacked-lstm');
    const best = await readModelDir<{ kind: string; history: unknown[] }>(path.join(dir, 'model'));
    const final = await readModelDir<{ kind: string; history: unknown[] }>(path.join(dir, 'checkpoints', 'final'));
    assert.equal(best.sidecar.kind, 'best');
    assert.equal(final.sidecar.kind, 'final');
    assert.equal(final.sidecar.history.length, r.models['Stacked LSTM'].epochsRun);
    // Best and final hold the same weights exactly when the best epoch was the last one.
    const same = best.model
      .getWeights()
      .every(
        (w, i) =>
          Buffer.compare(
            Buffer.from(w.dataSync().buffer),
            Buffer.from(final.model.getWeights()[i].dataSync().buffer),
          ) === 0,
      );
    assert.equal(same, r.models['Stacked LSTM'].bestEpoch === r.models['Stacked LSTM'].epochsRun);
    best.model.dispose();
    final.model.dispose();
  });
});
