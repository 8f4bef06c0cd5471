import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  adaptationSplit,
  readRunBeats,
  prepareProtocolData,
  resolveTrainConfig,
  runTraining,
  silentProgress,
  type AdaptedDataSummary,
} from '../../lib/train';
import { readTestSetLog } from '../../lib/evaluation';
import { dataDir, tempDir } from '../helpers';
import { tinyRunData } from '../support/tiny-run';

const FIVE_MIN = 5 * 60 * 360;

describe('train/adaptationSplit', () => {
  it('puts beats whose window ends before minute 5 in adaptation, R peaks from minute 5 on in scoring', () => {
    // after = 125 samples: a beat at 107874 ends at 107999 (adapt); 107875 ends at 108000 (straddles);
    // 108000 is the first scored sample.
    const s = adaptationSplit(['100', '100', '100', '100', '101'], [10, 107874, 107875, 108000, 5000], 360, 125);
    assert.equal(s.boundarySample, FIVE_MIN);
    assert.deepEqual(s.records, ['100', '101']);
    assert.deepEqual(Array.from(s.adapt[0]), [0, 1]);
    assert.deepEqual(Array.from(s.score[0]), [3]);
    assert.deepEqual(Array.from(s.adapt[1]), [4]);
    assert.deepEqual(Array.from(s.score[1]), []);
    assert.equal(s.straddling, 1);
  });

  it('never gives fine-tuning a labelled beat after minute 5 of a real record (sample indices)', () => {
    const config = resolveTrainConfig({
      data: { dir: dataDir(), trainRecords: ['106'], testRecords: ['100', '119'] },
      model: { arch: 'cnn1d' },
    });
    const all = readRunBeats(config.data, dataDir(), ['inter-patient']);
    const d = prepareProtocolData(all, config.data, dataDir(), 'inter-patient', 1);
    const s = adaptationSplit(d.testBeatRecords, d.testBeatSamples, d.fsHz, d.recipe.afterSamples);
    for (let r = 0; r < s.records.length; r++) {
      assert.ok(s.adapt[r].length > 250, `record ${s.records[r]} has its first 5 minutes of beats`);
      for (const i of s.adapt[r]) {
        assert.equal(d.testBeatRecords[i], s.records[r]);
        assert.ok(d.testBeatSamples[i] + d.recipe.afterSamples < FIVE_MIN, `beat ${i} ends before minute 5`);
      }
      for (const i of s.score[r]) assert.ok(d.testBeatSamples[i] >= FIVE_MIN);
    }
    // Every test beat is used once, except those straddling the boundary.
    const used = s.adapt.reduce((n, a) => n + a.length, 0) + s.score.reduce((n, a) => n + a.length, 0);
    assert.equal(used + s.straddling, d.test.n);
  });
});

describe('train/runTraining patient-adapted', () => {
  it('fine-tunes per test record, scores only the beats after minute 5 and logs the DS2 use', async () => {
    const out = tempDir();
    const log = path.join(out, 'test-set-log.jsonl');
    const config = resolveTrainConfig({
      name: 'tiny-adapted',
      seed: 3,
      data: tinyRunData({ protocols: ['inter-patient', 'patient-adapted'] }),
      model: { arch: 'cnn1d', convBlocks: [{ filters: 4, kernelSize: 5, poolSize: 4 }], dense: [8] },
      training: { epochs: 1, batchSize: 32, learningRate: 0.005, earlyStoppingPatience: 0 },
    });
    const r = await runTraining({ config, outDir: out, progress: silentProgress, log: () => {}, testSetLog: log });
    const p = r.protocols['patient-adapted'];
    assert.equal(p.protocol, 'patient-adapted');
    const rec = (
      (p.data as AdaptedDataSummary).adaptedRecords as {
        record: string;
        lastAdaptSample: number;
        firstScoredSample: number;
        scoredBeats: number;
      }[]
    )[0];
    assert.equal(rec.record, '100');
    assert.ok(rec.lastAdaptSample < FIVE_MIN && rec.firstScoredSample >= FIVE_MIN);
    assert.equal(p.n, rec.scoredBeats);
    assert.ok(p.n < r.protocols['inter-patient'].n);
    assert.ok(p.ci95 && p.aami.classes.N?.ci95);
    assert.deepEqual(
      readTestSetLog(log).map((u) => u.protocol),
      ['inter-patient', 'patient-adapted'],
    );
    const saved = JSON.parse(fs.readFileSync(path.join(out, 'evaluation_results.json'), 'utf8'));
    assert.deepEqual(Object.keys(saved.protocols), ['inter-patient', 'patient-adapted']);
  });
});
