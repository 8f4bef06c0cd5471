import { strict as assert } from 'assert';
import * as path from 'path';
import { beatClass, classCounts, readBeatDataset } from '../../lib/data';
import { isBeat, readAnnotations, readRecord } from '../../lib/io';
import { bandpass, resample, rrFeatures } from '../../lib/signal';
import { dataDir, expectClose } from '../helpers';

describe('data/beat-dataset', () => {
  const dir = dataDir();

  it('record 100: the MIT-BIH directory counts (N 2,239, A 33, V 1) minus the two beats at the edges', () => {
    const d = readBeatDataset({ dir, records: ['100'], preset: 250, filter: 'none' });
    // First beat at sample 77 < 90 before; last at 649,991 + 160 > 650,000 samples: both dropped.
    assert.deepEqual(d.dropped, { edge: 2, unlabelled: 0 });
    assert.deepEqual(classCounts(d), { N: 2237, S: 33, V: 1, F: 0, Q: 0 });
    assert.equal(d.n, 2271);
    assert.equal(d.length, 250);
    assert.equal(d.fsHz, 360);
    assert.equal(d.source.leads['100'], 'MLII');
    assert.ok(d.record.every((r) => r === '100'));
  });

  it('cuts exactly the raw slice [R − 90, R + 160) of the MLII signal', () => {
    const d = readBeatDataset({ dir, records: ['100'], preset: 250, filter: 'none' });
    const mV = readRecord(path.join(dir, '100'), { channels: [0] }).signals[0].mV;
    for (const i of [0, 1000, d.n - 1]) {
      const r = d.sample[i];
      assert.deepEqual(d.x.subarray(i * 250, (i + 1) * 250), mV.subarray(r - 90, r + 160));
    }
    assert.equal(d.sample[0], 370);
  });

  it('filters the whole record before cutting, and resamples R positions with the signal', () => {
    const f = readBeatDataset({ dir, records: ['100'], beforeSamples: 10, afterSamples: 20, filter: 'bandpass' });
    const mV = readRecord(path.join(dir, '100'), { channels: [0] }).signals[0].mV;
    const bp = bandpass(mV, 360, 0.5, 40);
    const i = 500;
    expectClose(f.x.subarray(i * 30, (i + 1) * 30), bp.subarray(f.sample[i] - 10, f.sample[i] + 20), 1e-6);
    const r = readBeatDataset({ dir, records: ['100'], beforeSamples: 10, afterSamples: 20, filter: 'none', targetFsHz: 180 });
    assert.equal(r.fsHz, 180);
    const half = resample(mV, 360, 180);
    const at = Math.round(r.sample[i] / 2);
    expectClose(r.x.subarray(i * 30, (i + 1) * 30), half.subarray(at - 10, at + 20), 1e-6);
  });

  it('maps beat types to each label set: AAMI, normal/abnormal, and MIT-BIH N A V L R', () => {
    assert.deepEqual(['N', 'L', 'A', 'a', 'V', 'F', '/', 'B'].map((s) => beatClass(s, 'aami5')), [0, 0, 1, 1, 2, 3, 4, -1]);
    assert.deepEqual(['N', 'e', 'A', 'V', 'F', '/'].map((s) => beatClass(s, 'binary')), [0, 0, 1, 1, 1, 1]);
    assert.deepEqual(['N', 'A', 'V', 'L', 'R', 'F', 'j'].map((s) => beatClass(s, 'mitbih5')), [0, 1, 2, 3, 4, -1, -1]);
    const b = readBeatDataset({ dir, records: ['100'], preset: 250, filter: 'none', labels: 'binary' });
    assert.deepEqual(classCounts(b), { normal: 2237, abnormal: 34 });
    const m = readBeatDataset({ dir, records: ['100'], preset: 250, filter: 'none', labels: 'mitbih5' });
    assert.deepEqual(classCounts(m), { N: 2237, A: 33, V: 1, L: 0, R: 0 });
  });

  it("carries lib/signal's RR features of each kept beat, computed over all the record's beats", () => {
    const d = readBeatDataset({ dir, records: ['100'], preset: 250, filter: 'none' });
    const ann = readAnnotations(path.join(dir, '100'));
    const beats = Int32Array.from(ann.samples.filter((_, i) => isBeat(ann.symbols[i])));
    const rr = rrFeatures(beats, 360);
    assert.equal(d.rr.length, d.n * 4);
    for (const i of [0, 7, d.n - 1]) {
      // Kept beat i is annotation beat i + 1 (the first beat fell at the edge).
      const b = i + 1;
      assert.equal(beats[b], d.sample[i]);
      expectClose(d.rr.subarray(4 * i, 4 * i + 4), [rr.preRrSec[b], rr.postRrSec[b], rr.localRrSec[b], rr.averageRrSec[b]], 0);
    }
    // Beat 1 (sample 370) follows beat 0 (sample 77): pre-RR = 293 / 360 s.
    expectClose(d.rr[0], 293 / 360, 1e-6);
  });

  it('names the option for a bad window or channel', () => {
    assert.throws(() => readBeatDataset({ dir, records: ['100'] }), /options.beforeSamples\/afterSamples: window undefined \+ undefined/);
    assert.throws(() => readBeatDataset({ dir, records: ['100'], preset: 250, channel: 'V9' }), /100.hea, options.channel: no signal "V9"; expected an index 0..1 or one of MLII, V5/);
  });
});
