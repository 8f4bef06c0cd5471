import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dataDir, tempDir } from '../helpers';
import { runEcg as capture } from '../support/run-ecg';
import { sharedTinyModel } from '../support/tiny-model';

describe('cli/predict', () => {
  let out = '';
  before(async () => {
    out = await sharedTinyModel({ seed: 3, maxTrainBeatsPerClass: 40, rrFeatures: true, epochs: 1 });
  });

  it('predict --json gives one entry per beat with sample, class, confidence and probabilities', async () => {
    const r = await capture([
      'predict',
      '--model',
      path.join(out, 'model'),
      path.join(dataDir(), '100'),
      '--annotations',
      '--json',
    ]);
    assert.equal(r.code, 0, r.err);
    const { beats } = JSON.parse(r.out);
    // Record 100 has 2273 beat annotations; windows of 62 + 125 samples drop beats within reach of the ends.
    assert.ok(beats.length > 2260 && beats.length <= 2273, `${beats.length} beats`);
    const b = beats[10];
    assert.deepEqual(Object.keys(b).sort(), ['class', 'confidence', 'probabilities', 'sample']);
    const p = Object.values(b.probabilities) as number[];
    assert.ok(Math.abs(p.reduce((s, v) => s + v, 0) - 1) < 1e-4);
    assert.equal(b.confidence, Math.max(...p));
    assert.equal(b.probabilities[b.class], b.confidence);
  });

  it('predict on a record detects R peaks itself when no --annotations is given', async () => {
    const r = await capture(['predict', '--model', path.join(out, 'model'), path.join(dataDir(), '100'), '--json']);
    assert.equal(r.code, 0, r.err);
    const n = JSON.parse(r.out).beats.length;
    assert.ok(Math.abs(n - 2271) < 15, `${n} detected beats`);
  });

  it('names the file an incomplete model folder is missing', async () => {
    const broken = path.join(tempDir(), 'model');
    fs.cpSync(path.join(out, 'model'), broken, { recursive: true });
    fs.rmSync(path.join(broken, 'ecg-model.json'));
    const r = await capture(['predict', '--model', broken, path.join(dataDir(), '100')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /model: missing ecg-model\.json/);
  });

  it('refuses a heartbeat CSV for a model that needs RR features, and a missing input', async () => {
    const csv = path.join(tempDir(), 'beats.csv');
    fs.writeFileSync(csv, '0.1,0.2,0\n');
    const r = await capture(['predict', '--model', path.join(out, 'model'), csv]);
    assert.equal(r.code, 2);
    assert.match(r.err, /RR-interval features or record-relative/);
    assert.match(
      (await capture(['predict', '--model', path.join(out, 'model'), '/nonexistent/rec'])).err,
      /no such record or CSV/,
    );
  });
});
