import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../../lib/common';
import { PACED, listRecords } from '../../lib/io';
import {
  prepareProtocolData,
  protocolRecords,
  readRunBeats,
  resolveTrainConfig,
  type DataConfig,
} from '../../lib/train';
import { dataDir, tempDir } from '../helpers';
import { tinyRunData } from '../support/tiny-run';

// The data part of the tiny inter-patient run (train on 106 and 119, test on 100), resolved.
const tinyData = (over: Record<string, unknown> = {}): DataConfig =>
  resolveTrainConfig({ seed: 7, data: tinyRunData(over), model: { arch: 'cnn1d' } }).data;

// A folder whose only records are 100, 101 and 106 (links to the shipped files).
function threeRecordDir(): string {
  const dir = tempDir('ecg-three-records-');
  for (const r of ['100', '101', '106'])
    for (const ext of ['hea', 'dat', 'atr'])
      fs.symlinkSync(path.join(dataDir(), `${r}.${ext}`), path.join(dir, `${r}.${ext}`));
  return dir;
}

describe('train/prepareData', () => {
  it('fits the normalisation on the training beats only', () => {
    const data = tinyData();
    const all = readRunBeats(data, dataDir(), ['inter-patient']);
    const d = prepareProtocolData(all, data, dataDir(), 'inter-patient', 7);
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
    const data = tinyData();
    const without = protocolRecords(data, dataDir(), 'intra-patient').train;
    const withPaced = protocolRecords({ ...data, includePaced: true }, dataDir(), 'intra-patient').train;
    // The shipped subset holds one paced record (107), the full database four (102 104 107 217).
    const paced = PACED.filter((r) => listRecords(dataDir()).includes(r));
    assert.ok(paced.includes('107'));
    assert.ok(paced.every((r) => !without.includes(r)));
    assert.deepEqual(withPaced, [...without, ...paced].sort());
    assert.ok(!protocolRecords({ ...data, includePaced: true }, dataDir(), 'inter-patient').train.includes('107'));
  });

  it('defaults to the DS1 and DS2 records the folder holds, and names a listed record it lacks', () => {
    const dir = threeRecordDir();
    const { trainRecords: _train, testRecords: _test, ...data } = tinyData();
    // de Chazal's DS1 holds 101 and 106, DS2 holds 100.
    assert.deepEqual(protocolRecords(data, dir, 'inter-patient'), { train: ['101', '106'], test: ['100'] });
    assert.deepEqual(protocolRecords(data, dir, 'intra-patient'), {
      train: ['100', '101', '106'],
      test: ['100', '101', '106'],
    });
    assert.throws(
      () => protocolRecords({ ...data, trainRecords: ['106', '119'] }, dir, 'inter-patient'),
      (e: unknown) =>
        e instanceof EcgInputError &&
        e.message === `data.trainRecords: records 119 are not in ${dir}; expected records of 100 101 106`,
    );
    const empty = tempDir('ecg-no-records-');
    assert.throws(
      () => protocolRecords(data, empty, 'inter-patient'),
      /data\.trainRecords: none of 101 106 .* is in .*; expected a folder holding MIT-BIH records \(set ECG_DATA_DIR\)/,
    );
  });

  it('intra-patient splits the beats of the same records, stratified, and keeps each test beat’s record and sample', () => {
    const data = tinyData({ records: ['100', '106'], validationFraction: 0, maxTrainBeatsPerClass: 0 });
    const all = readRunBeats(data, dataDir(), ['intra-patient']);
    const d = prepareProtocolData(all, data, dataDir(), 'intra-patient', 3);
    assert.deepEqual(d.trainRecords, ['100', '106']);
    assert.deepEqual(d.testRecords, ['100', '106']);
    assert.equal(d.validation, undefined);
    assert.equal(d.validationBy, 'none');
    // Every beat lands on one side, the test side holding the configured share of each class.
    assert.equal(d.train.n + d.test.n, all.n);
    for (const c of d.classes) {
      const total = d.counts.train[c] + d.counts.test[c];
      if (total >= 20) assert.ok(Math.abs(d.counts.test[c] / total - data.testFraction) < 0.05, `class ${c}`);
    }
    // The (record, sample) pairs of the test beats are beats of the loaded set.
    const loaded = new Set(Array.from({ length: all.n }, (_, i) => `${all.record[i]}:${all.sample[i]}`));
    d.testBeatRecords.forEach((r, i) => assert.ok(loaded.has(`${r}:${d.testBeatSamples[i]}`)));
  });

  it('holds out whole training records for validation when asked and there are three or more', () => {
    const data = tinyData({ trainRecords: ['101', '106', '119'], validationBy: 'records', maxTrainBeatsPerClass: 0 });
    const all = readRunBeats(data, dataDir(), ['inter-patient']);
    const d = prepareProtocolData(all, data, dataDir(), 'inter-patient', 7);
    assert.equal(d.validationBy, 'records');
    assert.ok(d.validationRecords.length >= 1);
    assert.deepEqual(
      d.validationRecords.filter((r) => d.trainRecords.includes(r)),
      [],
    );
    assert.deepEqual([...d.trainRecords, ...d.validationRecords].sort(), ['101', '106', '119']);
    // With two training records it falls back to random beats.
    const two = prepareProtocolData(all, { ...data, trainRecords: ['106', '119'] }, dataDir(), 'inter-patient', 7);
    assert.equal(two.validationBy, 'beats');
  });

  it('caps training beats per class and gives the same split for the same seed', () => {
    const data = tinyData({ maxTrainBeatsPerClass: 25 });
    const all = readRunBeats(data, dataDir(), ['inter-patient']);
    const a = prepareProtocolData(all, data, dataDir(), 'inter-patient', 11);
    const b = prepareProtocolData(all, data, dataDir(), 'inter-patient', 11);
    assert.ok(
      Object.values(a.counts.train).every((n) => n <= 25),
      JSON.stringify(a.counts.train),
    );
    assert.deepEqual(Array.from(a.train.y), Array.from(b.train.y));
    assert.deepEqual(Array.from(a.train.x), Array.from(b.train.x));
    const c = prepareProtocolData(all, data, dataDir(), 'inter-patient', 12);
    assert.notDeepEqual(Array.from(a.train.x), Array.from(c.train.x));
  });
});
