import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readAnnotations } from '../../lib/io';
import { scoreAgainstReference, summarizeBeats } from '../../lib/serve';
import { openModel, replyToJob, runPredictJob, type ModelInfo, type PredictJob } from '../../lib/serve/predict-service';
import { predictRecord, type PredictedBeat, type TrainedModel } from '../../lib/train';
import { tempDir } from '../helpers';
import { segment100 } from './fixtures';

// The version 1 model of test/fixtures (RR features and the record-relative channel on): no
// training here. Jobs classify the first 60 s of record 100, written to a temp folder.
const MODEL = path.join(__dirname, '..', 'fixtures', 'model-v1');
const beat = (cls: string, confidence: number): PredictedBeat => ({
  sample: 0,
  class: cls,
  confidence,
  probabilities: {},
});

describe('serve/predictService', () => {
  let trained: TrainedModel;
  let info: ModelInfo;
  let dir = '';
  let record = '';
  const job = (over: Partial<PredictJob> = {}): PredictJob => ({
    kind: 'record',
    path: record,
    name: '100',
    hidePrefix: dir + path.sep,
    useAnnotations: false,
    score: false,
    includeSignal: false,
    ...over,
  });

  before(async () => {
    ({ trained, info } = await openModel(MODEL));
    dir = tempDir('ecg-predict-service-');
    for (const [ext, f] of Object.entries(segment100(60))) fs.writeFileSync(path.join(dir, `100.${ext}`), f.data);
    record = path.join(dir, '100');
  });
  after(() => {
    trained.model.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('summarizeBeats counts each class and averages confidences, null for a class without beats', () => {
    const s = summarizeBeats([beat('N', 0.9), beat('V', 0.6), beat('N', 0.7)], ['N', 'S', 'V']);
    assert.deepEqual(s.counts, { N: 2, S: 0, V: 1 });
    assert.equal(s.beats, 3);
    assert.ok(Math.abs(s.meanConfidence - 2.2 / 3) < 1e-12);
    assert.deepEqual(Object.keys(s.meanConfidenceByClass), ['N', 'S', 'V']);
    assert.ok(Math.abs(s.meanConfidenceByClass.N! - 0.8) < 1e-12);
    assert.equal(s.meanConfidenceByClass.S, null);
    assert.equal(s.meanConfidenceByClass.V, 0.6);
    assert.deepEqual(summarizeBeats([], ['N']), {
      beats: 0,
      counts: { N: 0 },
      meanConfidence: 0,
      meanConfidenceByClass: { N: null },
    });
  });

  it('openModel describes the model folder from its sidecar, and dates it by the file when the sidecar does not', () => {
    const sidecar = JSON.parse(fs.readFileSync(path.join(MODEL, 'ecg-model.json'), 'utf8'));
    assert.equal(info.name, 'fixtures/model-v1');
    assert.equal(info.protocol, sidecar.protocol);
    assert.deepEqual(info.classes, sidecar.classes);
    assert.equal(info.labels, 'aami5');
    assert.deepEqual(info.window, { length: 187, fsHz: 360, filter: 'bandpass' });
    assert.equal(info.rrFeatures, true);
    assert.equal(info.recordRelative, true);
    assert.equal(info.trainedAt, fs.statSync(path.join(MODEL, 'ecg-model.json')).mtime.toISOString());
    assert.match(info.engine, /^tfjs 4\.22\.0 on /);
  });

  it('classifies a record as `ecg predict` does, with the input described and the beats summarised', async () => {
    const r = await runPredictJob(trained, info, job());
    assert.deepEqual(r.beats, await predictRecord(trained, record));
    assert.deepEqual(r.input, { kind: 'record', name: '100', fsHz: 360, samples: 21600, seconds: 60, lead: 'MLII' });
    assert.equal(r.peaks, 'detector');
    assert.deepEqual(r.summary, summarizeBeats(r.beats, info.classes));
    assert.equal(r.model, info);
    assert.equal(r.reference, undefined);
    assert.equal(r.signal, undefined);
  });

  it('takes the .atr’s R peaks when asked, scores against it, and returns the lead with each beat’s place', async () => {
    const r = await runPredictJob(trained, info, job({ useAnnotations: true, score: true, includeSignal: true }));
    assert.equal(r.peaks, 'annotations');
    assert.deepEqual(r.beats, await predictRecord(trained, record, { useAnnotations: true }));
    assert.deepEqual(
      r.reference,
      scoreAgainstReference(r.beats, readAnnotations(record, 'atr'), 360, info.classes, 'aami5'),
    );
    assert.equal(r.signal!.fsHz, 360);
    assert.equal(r.signal!.lead, 'MLII');
    assert.equal(r.signal!.mV.length, 21600);
    assert.deepEqual(
      r.signal!.beatAt,
      r.beats.map((b) => b.sample),
    );
    // mV rounded to 3 decimals.
    assert.ok(r.signal!.mV.every((v) => Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-6));
  });

  it('replies 400 with the located message, the staging folder taken out, for bad input', async () => {
    const cut = path.join(dir, 'cut');
    fs.mkdirSync(cut);
    fs.copyFileSync(`${record}.hea`, path.join(cut, '100.hea'));
    fs.writeFileSync(path.join(cut, '100.dat'), fs.readFileSync(`${record}.dat`).subarray(0, 3000));
    const reply = await replyToJob(trained, info, job({ path: path.join(cut, '100'), hidePrefix: cut + path.sep }));
    assert.equal(reply.status, 400);
    const { error } = JSON.parse(reply.body);
    assert.match(error, /^100\.dat/);
    assert.ok(!error.includes(cut), error);
    // A heartbeat CSV cannot give the RR features this model needs.
    const csv = path.join(dir, 'beats.csv');
    fs.writeFileSync(csv, `${Array(187).fill('0.1').join(',')}\n`);
    const refused = await replyToJob(trained, info, job({ kind: 'csv', path: csv, name: 'beats.csv' }));
    assert.equal(refused.status, 400);
    assert.match(JSON.parse(refused.body).error, /RR-interval features/);
  });

  it('replies 500 naming the input for a fault that is not the input’s', async () => {
    const broken = {
      ...trained,
      model: {
        ...trained.model,
        outputs: trained.model.outputs,
        predict: () => {
          throw new Error('kernel gone');
        },
      },
    } as unknown as TrainedModel;
    const reply = await replyToJob(broken, info, job());
    assert.deepEqual(reply, {
      status: 500,
      body: JSON.stringify({ error: 'internal error while classifying 100: kernel gone' }),
    });
  });
});
