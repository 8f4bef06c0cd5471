import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { initBackend } from '../../lib/engine';
import { readRecord } from '../../lib/io';
import {
  prepareProtocolData,
  predictRecord,
  readRunBeats,
  readTrainedModel,
  recordInputs,
  resolveTrainConfig,
  runTraining,
  toPredictedBeats,
  silentProgress,
  type TrainConfig,
} from '../../lib/train';
import { dataDir, expectClose, tempDir } from '../helpers';
import { trainTinyModel } from '../support/tiny-model';

const bytes = (a: Float32Array | undefined) => Buffer.from(a!.buffer, a!.byteOffset, a!.byteLength);
const fixtures = path.join(__dirname, '..', 'fixtures');

// Train on 106 and 119, test on 100, with every part of the recipe on: band-pass, RR side
// features, the record-relative channel and a z-score.
function recipeConfig(): TrainConfig {
  return resolveTrainConfig({
    name: 'recipe',
    seed: 5,
    data: {
      dir: dataDir(),
      protocols: ['inter-patient'],
      trainRecords: ['106', '119'],
      testRecords: ['100'],
      maxTrainBeatsPerClass: 40,
      validationFraction: 0,
      rrFeatures: true,
      recordRelative: true,
    },
    model: { arch: 'cnn1d', convBlocks: [{ filters: 2, kernelSize: 5, poolSize: 8 }], dense: [] },
    training: { epochs: 1, batchSize: 32, earlyStoppingPatience: 0 },
  });
}

describe('train/predictBeats', () => {
  before(async () => {
    await initBackend();
  });

  it('weighs each class’s probability by the decision weights before choosing, keeping its own confidence', () => {
    // Beat 1: N 0.6, S 0.4. Plain argmax: N; with S weighted 2 (0.8 > 0.6): S, at confidence 0.4.
    const probs = Float32Array.of(0.6, 0.4, 0.9, 0.1);
    assert.deepEqual(
      toPredictedBeats(probs, ['N', 'S'], [100, 400]).map((b) => b.class),
      ['N', 'N'],
    );
    const weighted = toPredictedBeats(probs, ['N', 'S'], [100, 400], [1, 2]);
    assert.deepEqual(
      weighted.map((b) => b.class),
      ['S', 'N'],
    );
    expectClose(weighted[0].confidence, 0.4, 1e-7);
    expectClose(weighted[0].probabilities.N, 0.6, 1e-7);
  });

  it('builds, for a record, bit for bit the inputs training built for the same beats', async () => {
    const config = recipeConfig();
    const out = tempDir();
    await runTraining({ config, outDir: out, progress: silentProgress, log: () => {} });
    const trained = await readTrainedModel(path.join(out, 'model'));
    // What training made of record 100 (the test side), by the same preparation runTraining ran.
    const all = readRunBeats(config.data, dataDir(), ['inter-patient']);
    const d = prepareProtocolData(all, config.data, dataDir(), 'inter-patient', config.seed);
    assert.deepEqual(trained.sidecar.normalization, JSON.parse(JSON.stringify(d.normalization)));
    // What `ecg predict --annotations` makes of it.
    const got = recordInputs(trained, path.join(dataDir(), '100'), { useAnnotations: true });
    assert.equal(got.inputs.n, d.test.n);
    assert.equal(got.inputs.channels, 2);
    assert.equal(got.inputs.sideFeatures, 7);
    const rows100 = all.record.flatMap((r, i) => (r === '100' ? [i] : []));
    assert.deepEqual(
      Array.from(got.samples),
      Array.from(rows100, (i) => all.sample[i]),
    );
    assert.ok(bytes(got.inputs.x).equals(bytes(d.test.x)), 'beat inputs differ');
    assert.ok(bytes(got.inputs.side).equals(bytes(d.test.side)), 'RR side inputs differ');
  });

  it('reads a version 1 model folder by upgrading its sidecar, and predicts as it did', async () => {
    const dir = path.join(fixtures, 'model-v1');
    const v1 = JSON.parse(fs.readFileSync(path.join(dir, 'ecg-model.json'), 'utf8'));
    assert.equal(v1.formatVersion, 1);
    const t = await readTrainedModel(dir);
    assert.equal(t.sidecar.formatVersion, 2);
    assert.deepEqual(t.sidecar.recipe, {
      preset: 187,
      length: 187,
      beforeSamples: 62,
      afterSamples: 125,
      fsHz: 360,
      filter: 'bandpass',
      bandHz: [0.5, 40],
      recordRelative: true,
      rrFeatures: true,
    });
    assert.ok(!('window' in t.sidecar));
    // Probabilities the version 1 code gave for the first beats of record 100 (its reference beats).
    const before = JSON.parse(fs.readFileSync(path.join(fixtures, 'model-v1-predictions-100.json'), 'utf8')) as {
      sample: number;
      probabilities: Record<string, number>;
    }[];
    const now = await predictRecord(t, path.join(dataDir(), '100'), { useAnnotations: true });
    before.forEach((b, i) => {
      assert.equal(now[i].sample, b.sample);
      expectClose(Object.values(now[i].probabilities), Object.values(b.probabilities), 1e-5, `beat ${i}`);
    });
    t.model.dispose();
  });
});

// Writes the first 60 s of record 100's MLII lead at half its rate (every other sample, 180 Hz)
// as a format-16 WFDB record, the layout of WFDB header(5)/signal(5).
function halfRateRecord(dir: string): string {
  const rec = readRecord(path.join(dataDir(), '100'), { end: 60 * 360, channels: [0] });
  const d = rec.signals[0].digital;
  const half = Int16Array.from({ length: Math.floor(d.length / 2) }, (_, i) => d[2 * i]);
  fs.writeFileSync(path.join(dir, 'h100.dat'), Buffer.from(half.buffer));
  fs.writeFileSync(
    path.join(dir, 'h100.hea'),
    `h100 1 180 ${half.length}\nh100.dat 16 200 11 1024 ${half[0]} 0 0 MLII\n`,
  );
  return path.join(dir, 'h100');
}

describe('train/predictRecord on a record of another sampling rate', () => {
  it('resamples to the model rate: the same beats at half the sample numbers, with nearly the same probabilities', async () => {
    const out = await trainTinyModel({
      seed: 4,
      maxTrainBeatsPerClass: 300,
      rrFeatures: false,
      epochs: 3,
      balancing: 'none',
    });
    const model = await readTrainedModel(path.join(out, 'model'));
    assert.equal(model.sidecar.recipe.fsHz, 360);
    const full = (await predictRecord(model, path.join(dataDir(), '100'))).filter((b) => b.sample < 60 * 360 - 400);
    const half = await predictRecord(model, halfRateRecord(tempDir()));
    // Every 360 Hz beat has a 180 Hz partner within 2 samples (11 ms) of half its sample number.
    let matched = 0;
    let diff = 0;
    for (const b of full) {
      const h = half.find((x) => Math.abs(2 * x.sample - b.sample) <= 4);
      if (!h) continue;
      matched++;
      for (const c of Object.keys(b.probabilities)) diff += Math.abs(b.probabilities[c] - h.probabilities[c]) / 5;
    }
    assert.ok(matched >= full.length - 2, `${matched} of ${full.length} beats matched`);
    // The windows span the same time, so the probabilities barely move (mean |Δp| per class ≤ 0.05).
    assert.ok(diff / matched <= 0.05, `mean |Δp| ${diff / matched}`);
  });
});
