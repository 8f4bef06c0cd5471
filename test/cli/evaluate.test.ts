import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dataDir, tempDir } from '../helpers';
import { runEcg as capture } from '../support/run-ecg';
import { sharedTinyModel } from '../support/tiny-model';

describe('cli/evaluate', () => {
  let out = '';
  before(async () => {
    // Trained on records 106 and 119, tested on record 100 (see trainTinyModel).
    out = await sharedTinyModel({ seed: 3, maxTrainBeatsPerClass: 40, rrFeatures: true, epochs: 1 });
  });

  it('evaluate --json reproduces the training run test figures on the test record', async () => {
    const r = await capture(['evaluate', '--model', path.join(out, 'model'), '--data', dataDir(), '--json']);
    assert.equal(r.code, 0, r.err);
    const e = JSON.parse(r.out);
    const t = JSON.parse(fs.readFileSync(path.join(out, 'evaluation_results.json'), 'utf8'));
    assert.deepEqual(e.confusionMatrix, t.confusionMatrix);
    assert.deepEqual(e.records, ['100']);
    assert.deepEqual(e.seenInTraining, []);
  });

  it('names the file an incomplete model folder is missing', async () => {
    const broken = path.join(tempDir(), 'model');
    fs.cpSync(path.join(out, 'model'), broken, { recursive: true });
    fs.rmSync(path.join(broken, 'ecg-model.json'));
    const e = await capture(['evaluate', '--model', broken, '--json']);
    assert.equal(e.code, 2);
    assert.match(e.err, /missing ecg-model\.json/);
  });

  it('asks for --model with the usage, exit code 2', async () => {
    const r = await capture(['evaluate', '--json']);
    assert.equal(r.code, 2);
    assert.equal(
      r.err,
      'ecg evaluate: ecg evaluate, --model: no model folder; expected ecg evaluate --model <dir> [--records 100,103] [--json]',
    );
  });

  it('names --records the model was trained on and counts their annotated beats', async () => {
    // Record 106: 1,507 normal beats and 520 PVCs (MIT-BIH directory); windows drop beats within reach of the ends.
    const r = await capture(['evaluate', '--model', path.join(out, 'model'), '--records', '106', '--json']);
    assert.equal(r.code, 0, r.err);
    const e = JSON.parse(r.out);
    assert.deepEqual(e.records, ['106']);
    assert.deepEqual(e.seenInTraining, ['106']);
    assert.ok(e.perClass.N.support > 1500 && e.perClass.N.support <= 1507, `N ${e.perClass.N.support}`);
    assert.ok(e.perClass.V.support > 515 && e.perClass.V.support <= 520, `V ${e.perClass.V.support}`);
    assert.equal(
      e.n,
      e.confusionMatrix.flat().reduce((a: number, b: number) => a + b, 0),
    );
  });

  it('prints accuracy and one Se/+P/F1 line per class without --json', async () => {
    const r = await capture(['evaluate', '--model', path.join(out, 'model'), '--data', dataDir()]);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.split('\n');
    assert.match(lines[0], /^model trained inter-patient; \d+ beats of records 100$/);
    assert.match(lines[1], /^accuracy \d+\.\d\d% {2}balanced \d+\.\d\d% {2}macro-F1 \d\.\d{3}/);
    for (const c of ['N', 'S', 'V', 'F', 'Q'])
      assert.ok(
        lines.some((l) => l.startsWith(`  ${c.padEnd(9)} Se `)),
        c,
      );
  });
});
