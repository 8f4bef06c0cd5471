import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { BackendInfo } from '../../lib/engine';
import { SIDECAR_FORMAT_VERSION, describeVersions, upgradeSidecar } from '../../lib/train';

const fixtures = path.join(__dirname, '..', 'fixtures');
const readV1 = () => JSON.parse(fs.readFileSync(path.join(fixtures, 'model-v1', 'ecg-model.json'), 'utf8'));

describe('train/sidecar', () => {
  it('names the file and key of a sidecar it cannot read', () => {
    const v1 = readV1();
    assert.throws(
      () => upgradeSidecar({ ...v1, formatVersion: 7 }, 'm/ecg-model.json'),
      /m\/ecg-model.json, key formatVersion: format version 7/,
    );
    const noWindow = { ...v1 };
    delete noWindow.window;
    assert.throws(() => upgradeSidecar(noWindow, 'm/ecg-model.json'), /key window: version 1 without window/);
    assert.throws(
      () => upgradeSidecar({ format: 'other' }, 'm/ecg-model.json'),
      /m\/ecg-model.json: is not an ecg-workbench model description/,
    );
  });

  it('moves a version 1 window into the recipe, with the flags version 1 kept in trainConfig and normalization', () => {
    const v1 = readV1();
    const up = upgradeSidecar(v1, 'ecg-model.json');
    assert.equal(up.formatVersion, SIDECAR_FORMAT_VERSION);
    assert.deepEqual(up.recipe, { ...v1.window, recordRelative: true, rrFeatures: true });
    assert.equal(Object.hasOwn(up, 'window'), false);
    // Everything else is carried over as it was.
    assert.deepEqual(up.normalization, v1.normalization);
    assert.deepEqual(up.split, v1.split);
    assert.deepEqual(up.history, v1.history);
    // Without RR side statistics and without recordRelative in its config, both flags are off.
    const plain = upgradeSidecar(
      {
        ...v1,
        normalization: { ...v1.normalization, side: null },
        trainConfig: { ...v1.trainConfig, data: { ...v1.trainConfig.data, recordRelative: undefined } },
      },
      'ecg-model.json',
    );
    assert.equal(plain.recipe.rrFeatures, false);
    assert.equal(plain.recipe.recordRelative, false);
  });

  it('takes a current sidecar as it is, and names a missing recipe', () => {
    const v2 = upgradeSidecar(readV1(), 'ecg-model.json');
    assert.equal(upgradeSidecar(v2, 'ecg-model.json'), v2);
    const { recipe: _recipe, ...noRecipe } = v2;
    assert.throws(
      () => upgradeSidecar(noRecipe, 'm/ecg-model.json'),
      /m\/ecg-model.json, key recipe: version 2 without recipe; expected the beat recipe/,
    );
  });

  it('records the workbench, tfjs and Node versions and the engine in words', () => {
    const info: BackendInfo = {
      backend: 'wasm',
      threads: 2,
      simd: true,
      tfjs: '4.22.0',
      native: { isa: 'avx2', threads: 2 },
      skipped: [],
    };
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    assert.deepEqual(describeVersions(info), {
      workbench: pkg.version,
      tfjs: '4.22.0',
      node: process.version,
      backend: 'wasm SIMD, 2 thread(s), native kernels avx2 × 2 thread(s)',
      engine: 'tfjs 4.22.0 on wasm (2 threads, SIMD) + native kernels (avx2, 2 threads)',
    });
    assert.equal(
      describeVersions({ ...info, backend: 'cpu', threads: 1, simd: false, native: undefined }).backend,
      'cpu, 1 thread(s)',
    );
  });
});
