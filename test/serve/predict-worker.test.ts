import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ModelInfo, PredictJob, PredictReply } from '../../lib/serve/predict-service';
import { tempDir } from '../helpers';
import { segment100 } from './fixtures';

// The worker thread as lib/serve/server.ts starts it from the TypeScript sources, on the version 1
// model of test/fixtures (no training here).
const ENTRY = path.join(__dirname, '..', '..', 'lib', 'serve', 'predict-worker.ts');
const MODEL = path.join(__dirname, '..', 'fixtures', 'model-v1');
type Ready = { ready: true; info: ModelInfo } | { ready: false; error: string };

function startWorker(modelDir: string): { worker: Worker; first: Promise<Ready> } {
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(ENTRY)});`, {
    eval: true,
    workerData: { modelDir },
  });
  const first = new Promise<Ready>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { worker, first };
}

describe('serve/predictWorker', function () {
  this.timeout(120000);

  it('loads the model once, says it is ready with the model’s description, then answers jobs one by one', async () => {
    const dir = tempDir('ecg-predict-worker-');
    for (const [ext, f] of Object.entries(segment100(20))) fs.writeFileSync(path.join(dir, `100.${ext}`), f.data);
    const { worker, first } = startWorker(MODEL);
    try {
      const ready = await first;
      assert.equal(ready.ready, true);
      assert.deepEqual(ready.ready && ready.info.classes, ['N', 'S', 'V', 'F', 'Q']);
      const ask = (job: PredictJob) =>
        new Promise<PredictReply>((resolve) => {
          worker.once('message', resolve);
          worker.postMessage(job);
        });
      const job: PredictJob = {
        kind: 'record',
        path: path.join(dir, '100'),
        name: '100',
        hidePrefix: dir + path.sep,
        useAnnotations: true,
        score: false,
        includeSignal: false,
      };
      const ok = await ask(job);
      assert.equal(ok.status, 200);
      const body = JSON.parse(ok.body);
      // The first 20 s (7200 samples) of record 100 hold 25 beat annotations, the first at sample 77 and the
      // last at 7106; a window needs 62 samples before and 125 after its R peak, so the last one drops out.
      assert.equal(body.input.seconds, 20);
      assert.equal(body.beats.length, 24);
      assert.equal(body.beats[0].sample, 77);
      const missing = await ask({ ...job, path: path.join(dir, '101'), name: '101' });
      assert.equal(missing.status, 400);
      assert.match(JSON.parse(missing.body).error, /^101\.hea: cannot read header/);
    } finally {
      await worker.terminate();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a model folder it cannot load, naming the missing file, instead of becoming ready', async () => {
    const empty = tempDir('ecg-no-model-');
    const { worker, first } = startWorker(empty);
    try {
      const r = await first;
      assert.equal(r.ready, false);
      assert.match(!r.ready ? r.error : '', /missing (model\.json|ecg-model\.json)/);
    } finally {
      await worker.terminate();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
