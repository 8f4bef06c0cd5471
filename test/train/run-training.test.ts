import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { resolveTrainConfig, runTraining, silentProgress, type ProtocolDataSummary } from '../../lib/train';
import { configHash, readTestSetLog } from '../../lib/evaluation';
import { classCounts, readBeatDataset, RR_FEATURE_NAMES } from '../../lib/data';
import { dataDir, expectClose, tempDir } from '../helpers';
import { tinyRunConfig } from '../support/tiny-run';

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
// No test-set log unless a test asks for one: test runs are not looks at DS2 worth counting.
const quiet = { progress: silentProgress, log: () => {}, testSetLog: null };

describe('train/runTraining', () => {
  it('writes the model, checkpoints and results whose figures follow from the test beats of record 100', async () => {
    const out = tempDir();
    await runTraining({ config: tinyRunConfig(), outDir: out, ...quiet });
    for (const f of [
      'model/model.json',
      'model/weights.bin',
      'model/ecg-model.json',
      'checkpoints/final/weights.bin',
      'history.json',
      'evaluation_results.json',
    ]) {
      assert.ok(fs.existsSync(path.join(out, f)), `${f} written`);
    }
    const r = read(path.join(out, 'evaluation_results.json'));
    assert.equal(r.protocol, 'inter-patient');
    assert.deepEqual(r.classes, ['N', 'S', 'V', 'F', 'Q']);
    assert.deepEqual(r.testRecords, ['100']);
    assert.deepEqual(r.trainRecords, ['106', '119']);
    assert.equal(r.seed, 7);
    assert.equal(r.name, 'tiny');
    // The test side is every beat of record 100, by class, as lib/data reads it.
    const beats100 = readBeatDataset({ dir: dataDir(), records: ['100'], preset: 187 });
    const counts = classCounts(beats100);
    assert.equal(r.n, beats100.n);
    assert.deepEqual(r.data.testBeats, counts);
    // The figures follow from the confusion matrix (rows: true class, columns: predicted).
    const cm: number[][] = r.confusionMatrix;
    const total = cm.flat().reduce((a, b) => a + b, 0);
    assert.equal(total, beats100.n);
    expectClose(r.accuracy, cm.reduce((s, row, i) => s + row[i], 0) / total, 1e-12, 'accuracy');
    r.classes.forEach((c: string, i: number) => {
      const support = cm[i].reduce((a, b) => a + b, 0);
      const predicted = cm.reduce((s, row) => s + row[i], 0);
      assert.equal(r.perClass[c].support, support, `support of ${c}`);
      assert.equal(r.perClass[c].support, counts[c]);
      if (support > 0) expectClose(r.perClass[c].se, cm[i][i] / support, 1e-12, `Se of ${c}`);
      if (predicted > 0) expectClose(r.perClass[c].ppv, cm[i][i] / predicted, 1e-12, `+P of ${c}`);
    });
    // The training side: at most 60 beats per class of 106 and 119, less the 20 % validation share.
    const trainBeats = r.data.trainBeats as Record<string, number>;
    assert.ok(
      Object.values(trainBeats).every((n) => n <= 60),
      JSON.stringify(trainBeats),
    );
    assert.deepEqual(r.data.rrFeatures, [...RR_FEATURE_NAMES]);
    assert.equal(r.data.balancing, 'class-weights');
    assert.equal(r.training.epochsRun, 2);
    assert.ok(r.training.bestEpoch >= 1 && r.training.bestEpoch <= 2);
    assert.ok(r.timings.readSeconds >= 0 && r.timings.totalSeconds >= r.timings.readSeconds);
    assert.equal(r.timings['inter-patient'].epochSeconds.length, 2);
    const history = read(path.join(out, 'history.json'));
    assert.deepEqual(
      history.epochs.map((e: { epoch: number }) => e.epoch),
      [1, 2],
    );
    assert.equal(history.bestEpoch, r.training.bestEpoch);
    const sidecar = read(path.join(out, 'model', 'ecg-model.json'));
    assert.equal(sidecar.formatVersion, 2);
    assert.equal(sidecar.split.testRecords[0], '100');
    assert.deepEqual(sidecar.recipe, {
      preset: 187,
      length: 187,
      beforeSamples: 62,
      afterSamples: 125,
      fsHz: 360,
      filter: 'bandpass',
      bandHz: [0.5, 40],
      recordRelative: false,
      rrFeatures: true,
    });
    assert.equal(sidecar.epoch, r.training.bestEpoch);
    // One test record: every bootstrap replicate redraws record 100, so each interval is the figure itself.
    assert.deepEqual(r.ci95.accuracy, [r.accuracy, r.accuracy]);
    assert.deepEqual(r.ci95.macroF1, [r.macroF1, r.macroF1]);
    assert.deepEqual(r.aami.classes.N.ci95.se, [r.aami.classes.N.se, r.aami.classes.N.se]);
    assert.deepEqual(r.perRecord.records, ['100']);
    assert.deepEqual(r.perRecord.matrices[0], r.confusionMatrix);
  });

  it('appends exactly one line to the test-set log per evaluation on DS2 records, none for DS1 only', async () => {
    const log = path.join(tempDir(), 'results', 'test-set-log.jsonl');
    const lines = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').length : 0);
    // Record 100 is in DS2.
    await runTraining({ config: tinyRunConfig(1), outDir: tempDir(), ...quiet, testSetLog: log, source: 'test A' });
    assert.equal(lines(), 1);
    await runTraining({ config: tinyRunConfig(1), outDir: tempDir(), ...quiet, testSetLog: log, source: 'test B' });
    assert.equal(lines(), 2);
    // Trained on 106 and tested on 119, both DS1: not a look at DS2.
    const ds1Only = tinyRunConfig(1);
    ds1Only.data.trainRecords = ['106'];
    ds1Only.data.testRecords = ['119'];
    await runTraining({ config: ds1Only, outDir: tempDir(), ...quiet, testSetLog: log });
    assert.equal(lines(), 2);
    const uses = readTestSetLog(log);
    assert.deepEqual(
      uses.map((u) => [u.source, u.protocol, u.testRecords]),
      [
        ['test A', 'inter-patient', ['100']],
        ['test B', 'inter-patient', ['100']],
      ],
    );
    assert.equal(uses[0].configHash, configHash(tinyRunConfig(1)));
    assert.ok(Date.parse(uses[1].time) >= Date.parse(uses[0].time));
  });

  it('gives identical results apart from timings when run twice', async () => {
    const a = tempDir();
    const b = tempDir();
    await runTraining({ config: tinyRunConfig(), outDir: a, ...quiet });
    await runTraining({ config: tinyRunConfig(), outDir: b, ...quiet });
    const ra = read(path.join(a, 'evaluation_results.json'));
    const rb = read(path.join(b, 'evaluation_results.json'));
    delete ra.timings;
    delete rb.timings;
    assert.deepEqual(ra, rb);
    assert.ok(
      fs
        .readFileSync(path.join(a, 'model', 'weights.bin'))
        .equals(fs.readFileSync(path.join(b, 'model', 'weights.bin'))),
    );
  });

  it('resumes from the final checkpoint: the earlier epochs are kept and training continues', async () => {
    const out = tempDir();
    await runTraining({ config: tinyRunConfig(1), outDir: out, ...quiet });
    const first = read(path.join(out, 'history.json')).epochs;
    await runTraining({ config: tinyRunConfig(3), outDir: out, resume: true, ...quiet });
    const h = read(path.join(out, 'history.json')).epochs;
    assert.deepEqual(
      h.map((e: { epoch: number }) => e.epoch),
      [1, 2, 3],
    );
    assert.deepEqual(h[0], first[0]);
  });

  it('runs each protocol with its own overrides and records them in its results', async () => {
    const c = tinyRunConfig(1);
    const config = resolveTrainConfig({
      ...c,
      data: { ...c.data, protocols: ['inter-patient', 'intra-patient'], records: ['100', '106'] },
      protocolOverrides: { 'intra-patient': { data: { maxTrainBeatsPerClass: 30 }, training: { balancing: 'none' } } },
    });
    const out = tempDir();
    const r = await runTraining({ config, outDir: out, ...quiet });
    const inter = r.protocols['inter-patient'].data as ProtocolDataSummary;
    const intra = r.protocols['intra-patient'].data as ProtocolDataSummary;
    assert.equal(inter.balancing, 'class-weights');
    assert.equal(inter.maxTrainBeatsPerClass, 60);
    assert.equal(intra.balancing, 'none');
    assert.equal(intra.maxTrainBeatsPerClass, 30);
    const counts = intra.trainBeats as Record<string, number>;
    assert.ok(
      Object.values(counts).every((n) => n <= 30),
      JSON.stringify(counts),
    );
  });
});
