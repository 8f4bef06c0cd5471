import { strict as assert } from 'assert';
import { buildModel, resolveModelConfig } from '../../lib/models';
import {
  checkStudyPreset,
  listStudyPresets,
  provenanceKeys,
  readStudyPreset,
  resolveStudyRun,
  type StudyPreset,
} from '../../lib/train';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Paths (a.b.c) where two plain-JSON values differ. */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], at ? `${at}.${k}` : k),
    );
  }
  return a === b ? [] : [at];
}

/** Parameters of a model config built for a given input. */
function countParams(model: Record<string, unknown> & { arch: string }, inputLength: number, numClasses: number) {
  const m = buildModel({ ...resolveModelConfig(model), inputLength, channels: 1, numClasses, sideFeatures: 0 });
  const n = m.countParams();
  m.dispose();
  return n;
}

describe('train/study-preset', () => {
  const names = listStudyPresets();

  it('lists one valid preset per study of the brief in study order 1 to 5, each with a quick and a full budget', () => {
    assert.equal(names.length, 5);
    const studies = names.map((n) => readStudyPreset(n)).map((p) => p.study);
    assert.deepEqual(studies, [1, 2, 3, 4, 5]);
    for (const n of names) {
      const p = readStudyPreset(n);
      assert.equal(p.name, n);
      assert.ok(p.budgets.quick && p.budgets.full);
      assert.notEqual(p.splits.honest.kind, 'random');
    }
  });

  it('quotes every published figure in the preset own quote, and invents none where the study gave none', () => {
    for (const n of names) {
      const p = readStudyPreset(n);
      for (const [metric, v] of Object.entries(p.published.figures)) {
        const percent = `${+(100 * v).toFixed(1)}%`;
        const fraction = String(v);
        assert.ok(
          p.published.quote.includes(percent) || p.published.quote.includes(fraction),
          `${n}: published ${metric} ${v} appears in the quote neither as ${percent} nor as ${fraction}`,
        );
      }
    }
    // Studies 2 and 4 published no figures (brief): their presets carry none.
    assert.deepEqual(readStudyPreset('study-normal-abnormal').published.figures, {});
    assert.deepEqual(readStudyPreset('study-custom-cnn').published.figures, {});
    assert.equal(readStudyPreset('study-cnn-bilstm').published.figures.accuracy, 0.914);
    assert.equal(readStudyPreset('study-hypoglycemia').published.figures.specificity, 0.985);
  });

  it('gives every field of data, splits, training and models a provenance note', () => {
    for (const n of names) {
      const p = readStudyPreset(n);
      for (const key of provenanceKeys(p)) assert.ok(p.provenance[key], `${n}: no provenance for ${key}`);
    }
    const p = clone(readStudyPreset('study-stacked-lstm')) as StudyPreset;
    delete p.provenance['training.batchSize'];
    assert.throws(
      () => checkStudyPreset(p, 'x.json'),
      /x\.json, provenance: no provenance note for training\.batchSize/,
    );
  });

  it('rejects a bad preset with the file and the key path', () => {
    const base = readStudyPreset('study-custom-cnn');
    const bad1 = clone(base) as unknown as Record<string, Record<string, unknown>>;
    bad1.training.epochs = 'ten';
    assert.throws(() => checkStudyPreset(bad1, 'p.json'), /p\.json, training\.epochs: expected a positive integer/);
    const bad2 = clone(base);
    bad2.splits.honest = { kind: 'random', testFraction: 0.2 };
    assert.throws(() => checkStudyPreset(bad2, 'p.json'), /splits\.honest\.kind: "random" is not an honest split/);
    const bad3 = clone(base);
    bad3.published.figures = { accuracy: 98 };
    assert.throws(
      () => checkStudyPreset(bad3, 'p.json'),
      /published\.figures\.accuracy: expected a number in \[0, 1\]/,
    );
    const bad4 = clone(base);
    bad4.models['Custom CNN'] = { arch: 'transformer' };
    assert.throws(() => checkStudyPreset(bad4, 'p.json'), /models\.Custom CNN\.arch/);
    assert.throws(() => readStudyPreset('study-nope'), /no study preset 'study-nope'; expected study-hypoglycemia or/);
  });

  it('resolves the study split and the honest split to configs that differ in the split only', () => {
    for (const n of names) {
      const p = readStudyPreset(n);
      for (const budget of ['quick', 'full', 'published']) {
        const own = resolveStudyRun(p, 'study', budget);
        const honest = resolveStudyRun(p, 'honest', budget);
        const diff = differences(own, honest);
        assert.ok(diff.length > 0, `${n}: the two splits resolve to the same config`);
        assert.ok(
          diff.every((d) => d.startsWith('split.')),
          `${n} (${budget}): differs outside the split: ${diff.join(', ')}`,
        );
      }
    }
  });

  it('caps the epochs by the budget and never raises them; "published" keeps the study count', () => {
    const p = readStudyPreset('study-stacked-lstm');
    assert.equal(resolveStudyRun(p, 'study', 'published').training.epochs, 100);
    assert.equal(resolveStudyRun(p, 'study', 'full').training.epochs, p.budgets.full.epochs);
    const big = { ...p.budgets.full, epochs: 1000 };
    assert.equal(resolveStudyRun(p, 'study', big).training.epochs, 100);
    assert.throws(() => resolveStudyRun(p, 'study', 'huge'), /budget 'huge'; expected published, quick, full/);
  });

  it('builds the stacked LSTM of study 5 at its published size: 133,637 parameters on 250-sample beats', () => {
    // Keras counts, input 250 × 1, 5 classes. LSTM(u) on d inputs: 4·(u·(d + u) + u).
    //   LSTM 128 on 1: 4·(128·129 + 128) = 66,560   BN(128): 4·128 = 512
    //   LSTM 64 on 128: 4·(64·192 + 64) = 49,408     BN(64): 256
    //   LSTM 32 on 64: 4·(32·96 + 32) = 12,416       BN(32): 128
    //   Dense 64 on 32: 32·64 + 64 = 2,112; Dense 32 on 64: 64·32 + 32 = 2,080; output 5 on 32: 165
    const hand = 66560 + 512 + 49408 + 256 + 12416 + 128 + 2112 + 2080 + 165;
    assert.equal(hand, 133637);
    const p = readStudyPreset('study-stacked-lstm');
    assert.equal(p.data.beforeSamples! + p.data.afterSamples!, 250);
    assert.equal(countParams(p.models['Stacked LSTM'], 250, 5), hand);
  });

  it('builds the CNN-BiLSTM of study 3 with the parameter count of a hand calculation (242,149)', () => {
    // Input 256 × 1, classes N A V L R. Conv1D without bias (batch norm follows): k·cin·cout; BN: 4·c.
    //   conv 7·1·32 = 224, BN 128; conv 5·32·64 = 10,240, BN 256; conv 3·64·128 = 24,576, BN 512
    //   pooling 2 three times: 256 → 32 steps of 128 channels
    //   BiLSTM 64 on 128: 2·4·(64·(128 + 64) + 64) = 98,816; BiLSTM 64 on 128 (concat): 98,816
    //   Dense 64 on 128: 8,256; output 5 on 64: 325
    const hand = 224 + 128 + 10240 + 256 + 24576 + 512 + 98816 + 98816 + 8256 + 325;
    assert.equal(hand, 242149);
    const p = readStudyPreset('study-cnn-bilstm');
    const length = p.data.beforeSamples! + p.data.afterSamples!;
    assert.equal(length, 256);
    assert.equal(countParams(p.models['CNN-BiLSTM'], length, 5), hand);
  });
});
