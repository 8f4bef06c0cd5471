import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  readRunBeats,
  prepareProtocolData,
  protocolRecords,
  resolveTrainConfig,
  runTraining,
  silentProgress,
  type TrainConfig,
} from '../../lib/train';
import { PACED, listRecords } from '../../lib/io';
import { configHash, readTestSetLog } from '../../lib/evaluation';
import { dataDir, tempDir } from '../helpers';

// A tiny inter-patient run on three shipped records: train on 106 and 119 (DS1), test on 100 (DS2).
function tinyConfig(epochs = 2): TrainConfig {
  return resolveTrainConfig({
    name: 'tiny',
    seed: 7,
    data: {
      dir: dataDir(),
      protocols: ['inter-patient'],
      trainRecords: ['106', '119'],
      testRecords: ['100'],
      maxTrainBeatsPerClass: 60,
      validationFraction: 0.2,
      validationBy: 'beats',
      rrFeatures: true,
    },
    model: { arch: 'cnn1d', convBlocks: [{ filters: 4, kernelSize: 5, poolSize: 4 }], dense: [8] },
    training: { epochs, batchSize: 32, learningRate: 0.005, earlyStoppingPatience: 0, maxClassWeight: 10 },
  });
}

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
// No test-set log unless a test asks for one: test runs are not looks at DS2 worth counting.
const quiet = { progress: silentProgress, log: () => {}, testSetLog: null };

describe('train/runTraining', () => {
  it('writes the model, checkpoints, history.json and evaluation_results.json with the required fields', async () => {
    const out = tempDir();
    await runTraining({ config: tinyConfig(), outDir: out, ...quiet });
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
    for (const key of [
      'protocol',
      'classes',
      'accuracy',
      'balancedAccuracy',
      'macroF1',
      'perClass',
      'confusionMatrix',
      'rocAuc',
      'aupr',
      'backend',
      'seed',
      'data',
      'timings',
    ]) {
      assert.ok(key in r, `evaluation_results.json has ${key}`);
    }
    assert.equal(r.protocol, 'inter-patient');
    assert.deepEqual(r.testRecords, ['100']);
    assert.deepEqual(r.trainRecords, ['106', '119']);
    for (const k of ['se', 'ppv', 'f1', 'specificity', 'support']) assert.ok(k in r.perClass.N, `perClass.N.${k}`);
    // Every beat of record 100 is in the confusion matrix.
    const total = r.confusionMatrix.flat().reduce((a: number, b: number) => a + b, 0);
    assert.equal(total, r.n);
    // One test record: every bootstrap replicate redraws record 100, so each interval is the figure itself.
    assert.deepEqual(r.ci95.accuracy, [r.accuracy, r.accuracy]);
    assert.deepEqual(r.ci95.macroF1, [r.macroF1, r.macroF1]);
    assert.deepEqual(r.aami.classes.N.ci95.se, [r.aami.classes.N.se, r.aami.classes.N.se]);
    assert.deepEqual(r.perRecord.records, ['100']);
    assert.deepEqual(r.perRecord.matrices[0], r.confusionMatrix);
    assert.equal(read(path.join(out, 'history.json')).epochs.length, 2);
    assert.equal(read(path.join(out, 'model', 'ecg-model.json')).split.testRecords[0], '100');
  });

  it('appends exactly one line to the test-set log per evaluation on DS2 records, none for DS1 only', async () => {
    const log = path.join(tempDir(), 'results', 'test-set-log.jsonl');
    const lines = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').length : 0);
    // Record 100 is in DS2.
    await runTraining({ config: tinyConfig(1), outDir: tempDir(), ...quiet, testSetLog: log, source: 'test A' });
    assert.equal(lines(), 1);
    await runTraining({ config: tinyConfig(1), outDir: tempDir(), ...quiet, testSetLog: log, source: 'test B' });
    assert.equal(lines(), 2);
    // Trained on 106 and tested on 119, both DS1: not a look at DS2.
    const ds1Only = tinyConfig(1);
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
    assert.equal(uses[0].configHash, configHash(tinyConfig(1)));
    assert.ok(Date.parse(uses[1].time) >= Date.parse(uses[0].time));
  });

  it('gives identical results apart from timings when run twice', async () => {
    const a = tempDir();
    const b = tempDir();
    await runTraining({ config: tinyConfig(), outDir: a, ...quiet });
    await runTraining({ config: tinyConfig(), outDir: b, ...quiet });
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
    await runTraining({ config: tinyConfig(1), outDir: out, ...quiet });
    const first = read(path.join(out, 'history.json')).epochs;
    await runTraining({ config: tinyConfig(3), outDir: out, resume: true, ...quiet });
    const h = read(path.join(out, 'history.json')).epochs;
    assert.deepEqual(
      h.map((e: { epoch: number }) => e.epoch),
      [1, 2, 3],
    );
    assert.deepEqual(h[0], first[0]);
  });

  it('fits the normalisation on the training beats only', () => {
    const config = tinyConfig();
    const all = readRunBeats(config.data, dataDir(), ['inter-patient']);
    const d = prepareProtocolData(all, config.data, dataDir(), 'inter-patient', 7);
    const mean = (x: Float32Array) => x.reduce((s, v) => s + v, 0) / x.length;
    const sd = (x: Float32Array) => Math.sqrt(mean(x.map((v) => v * v)) - mean(x) ** 2);
    // z-scored with the training statistics: exactly mean 0 / sd 1 on training beats, not on test beats.
    assert.ok(Math.abs(mean(d.train.x)) < 1e-4);
    assert.ok(Math.abs(sd(d.train.x) - 1) < 1e-3);
    assert.ok(Math.abs(sd(d.test.x) - 1) > 1e-2, `test sd ${sd(d.test.x)} would be 1 only if fitted on the test beats`);
    // No test record among the training or validation records.
    assert.ok(!d.trainRecords.includes('100') && !d.validationRecords.includes('100'));
    assert.ok(d.train.n <= 5 * 60);
  });

  it('pools the paced records for intra-patient only when includePaced is set', () => {
    const data = tinyConfig().data;
    const without = protocolRecords(data, dataDir(), 'intra-patient').train;
    const withPaced = protocolRecords({ ...data, includePaced: true }, dataDir(), 'intra-patient').train;
    // The shipped subset holds one paced record (107), the full database four (102 104 107 217).
    const paced = PACED.filter((r) => listRecords(dataDir()).includes(r));
    assert.ok(paced.includes('107'));
    assert.ok(paced.every((r) => !without.includes(r)));
    assert.deepEqual(withPaced, [...without, ...paced].sort());
    assert.ok(!protocolRecords({ ...data, includePaced: true }, dataDir(), 'inter-patient').train.includes('107'));
  });

  it('runs each protocol with its own overrides and records them in its results', async () => {
    const c = tinyConfig(1);
    const config = resolveTrainConfig({
      ...c,
      data: { ...c.data, protocols: ['inter-patient', 'intra-patient'], records: ['100', '106'] },
      protocolOverrides: { 'intra-patient': { data: { maxTrainBeatsPerClass: 30 }, training: { balancing: 'none' } } },
    });
    const out = tempDir();
    const r = await runTraining({ config, outDir: out, ...quiet });
    const inter = r.protocols['inter-patient'].data as Record<string, unknown>;
    const intra = r.protocols['intra-patient'].data as Record<string, unknown>;
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
