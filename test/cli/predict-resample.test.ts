import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readRecord } from '../../lib/io';
import { readTrainedModel, predictRecord, resolveTrainConfig, runTraining, silentProgress } from '../../lib/train';
import { dataDir, tempDir } from '../helpers';

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

describe('cli/predict on a record of another sampling rate', () => {
  it('resamples to the model rate: the same beats at half the sample numbers, with nearly the same probabilities', async () => {
    const out = tempDir();
    const config = resolveTrainConfig({
      seed: 4,
      data: {
        dir: dataDir(),
        trainRecords: ['106', '119'],
        testRecords: ['100'],
        maxTrainBeatsPerClass: 300,
        validationFraction: 0,
        rrFeatures: false,
      },
      model: { arch: 'cnn1d', convBlocks: [{ filters: 4, kernelSize: 5, poolSize: 4 }], dense: [] },
      training: { epochs: 3, batchSize: 32, earlyStoppingPatience: 0, balancing: 'none' },
    });
    await runTraining({ config, outDir: out, progress: silentProgress, log: () => {} });
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
