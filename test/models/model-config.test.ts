import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { ARCHITECTURES, defaultModelConfig, isSigmoidHead, resolveModelConfig } from '../../lib/models';

describe('models/modelConfig', () => {
  it('resolveModelConfig fills defaults and names a bad key by its path', () => {
    assert.equal(resolveModelConfig({ arch: 'cnn1d', numClasses: 2 }).convBlocks.length, 3);
    assert.throws(() => resolveModelConfig({ arch: 'cnn1d', filtres: 3 }), /model\.filtres: unknown key/);
    assert.throws(
      () => resolveModelConfig({ arch: 'cnn1d', convBlocks: [{ filters: 'many', kernelSize: 3, poolSize: 2 }] }),
      /model\.convBlocks\[0\]\.filters: expected a positive integer, got "many"/,
    );
    assert.throws(
      () => resolveModelConfig({ arch: 'cnn1d', dropout: 1 }),
      /model\.dropout: expected a number in \[0, 1\)/,
    );
    assert.throws(() => resolveModelConfig({ arch: 'cnn1d', head: 'sigmoid', numClasses: 3 }), /model\.head/);
    assert.throws(() => resolveModelConfig({ arch: 'resnet' }), /model\.arch: expected one of/);
  });

  it('keys given in the JSON win over the architecture defaults, the others keep them', () => {
    const c = resolveModelConfig({ arch: 'stacked-lstm', lstmUnits: [8], seed: 3 });
    assert.deepEqual(c, { ...defaultModelConfig('stacked-lstm'), lstmUnits: [8], seed: 3 });
  });

  it('needs an arch, and names the config file and the caller’s path in its errors', () => {
    assert.throws(
      () => resolveModelConfig({ numClasses: 2 }, 'model', 'run.json'),
      (e: unknown) =>
        e instanceof EcgInputError &&
        e.message ===
          'run.json, model.arch: missing; expected one of "cnn1d", "cnn-lstm", "cnn-bilstm", "stacked-lstm", "custom-cnn"',
    );
    assert.throws(
      () => resolveModelConfig({ arch: 'cnn1d', head: 'sigmoid', numClasses: 5 }, 'study.model', 's.json'),
      (e: unknown) =>
        e instanceof EcgInputError && e.message === 's.json, study.model.head: "sigmoid" needs numClasses 2, got 5',
    );
  });

  it('every architecture’s defaults pass its own check, with the shapes the papers use', () => {
    for (const arch of ARCHITECTURES) {
      const d = defaultModelConfig(arch);
      assert.equal(d.arch, arch);
      assert.deepEqual(resolveModelConfig({ arch }), d);
      assert.deepEqual(
        resolveModelConfig(JSON.parse(JSON.stringify(d))),
        d,
        `${arch} defaults round-trip through JSON`,
      );
    }
    assert.deepEqual(defaultModelConfig('stacked-lstm').lstmUnits, [128, 64, 32]);
    assert.deepEqual(defaultModelConfig('stacked-lstm').convBlocks, []);
    assert.equal(defaultModelConfig('custom-cnn').convsPerBlock, 2);
    assert.deepEqual(defaultModelConfig('cnn-lstm').lstmUnits, [64]);
    assert.deepEqual(
      defaultModelConfig('cnn1d').convBlocks.map((b) => b.filters),
      [32, 64, 128],
    );
  });

  it('the head is one sigmoid unit for two classes under "auto" or "sigmoid", softmax otherwise', () => {
    assert.equal(isSigmoidHead({ numClasses: 2, head: 'auto' }), true);
    assert.equal(isSigmoidHead({ numClasses: 2, head: 'sigmoid' }), true);
    assert.equal(isSigmoidHead({ numClasses: 2, head: 'softmax' }), false);
    assert.equal(isSigmoidHead({ numClasses: 5, head: 'auto' }), false);
    assert.equal(isSigmoidHead({ numClasses: 5, head: 'softmax' }), false);
  });
});
