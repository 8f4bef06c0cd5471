import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../lib/engine';
import { buildModel, defaultModelConfig } from '../../lib/models';
import { readModelDir, writeModelDir } from '../../lib/train';
import { tempDir } from '../helpers';

describe('train/modelFiles', () => {
  before(async () => {
    await initBackend();
  });

  it('round-trips a model (with SeededDropout and a BiLSTM) and its sidecar: same weights, same predictions', async () => {
    const config = {
      ...defaultModelConfig('cnn-bilstm'),
      inputLength: 16,
      convBlocks: [{ filters: 3, kernelSize: 3, poolSize: 2 }],
      lstmUnits: [4],
      dense: [5],
      sideFeatures: 2,
    };
    const model = buildModel(config);
    const dir = path.join(tempDir(), 'model');
    await writeModelDir(dir, model, { classes: ['N', 'S', 'V', 'F', 'Q'], seed: 42 });
    assert.deepEqual(fs.readdirSync(dir).sort(), ['ecg-model.json', 'model.json', 'weights.bin']);
    const { model: loaded, sidecar } = await readModelDir<{ classes: string[] }>(dir);
    assert.deepEqual(sidecar.classes, ['N', 'S', 'V', 'F', 'Q']);
    const a = model.getWeights().map((w) => Array.from(w.dataSync()));
    const b = loaded.getWeights().map((w) => Array.from(w.dataSync()));
    assert.deepEqual(b, a);
    const x = [tf.randomNormal([2, 16, 1], 0, 1, 'float32', 1), tf.randomNormal([2, 2], 0, 1, 'float32', 2)];
    assert.deepEqual(
      Array.from((loaded.predict(x) as tf.Tensor).dataSync()),
      Array.from((model.predict(x) as tf.Tensor).dataSync()),
    );
    assert.ok(loaded.layers.some((l) => l.getClassName() === 'SeededDropout'));
  });

  it('replaces an existing folder whole and leaves no temporary folder behind', async () => {
    const parent = tempDir();
    const dir = path.join(parent, 'model');
    const model = buildModel({
      ...defaultModelConfig('cnn1d'),
      inputLength: 16,
      convBlocks: [{ filters: 2, kernelSize: 3, poolSize: 2 }],
      dense: [],
    });
    await writeModelDir(dir, model, { v: 1 });
    await writeModelDir(dir, model, { v: 2 });
    assert.deepEqual(fs.readdirSync(parent), ['model']);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'ecg-model.json'), 'utf8')).v, 2);
  });

  it('names the missing file of an incomplete model folder, and a truncated weights file', async () => {
    const dir = path.join(tempDir(), 'model');
    const model = buildModel({
      ...defaultModelConfig('cnn1d'),
      inputLength: 16,
      convBlocks: [{ filters: 2, kernelSize: 3, poolSize: 2 }],
      dense: [],
    });
    await writeModelDir(dir, model, {});
    const weights = fs.readFileSync(path.join(dir, 'weights.bin'));
    fs.writeFileSync(path.join(dir, 'weights.bin'), weights.subarray(0, 8));
    await assert.rejects(readModelDir(dir), /weights\.bin: holds 8 bytes; expected \d+ bytes/);
    fs.rmSync(path.join(dir, 'weights.bin'));
    await assert.rejects(readModelDir(dir), /model: missing weights\.bin/);
    await assert.rejects(readModelDir(path.join(dir, 'nope')), /no such model folder/);
  });
});
