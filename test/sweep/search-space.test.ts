import { strict as assert } from 'assert';
import { expandGrid, expandSearch, parseGridArg, sampleRandom } from '../../lib/sweep';

describe('sweep/search-space', () => {
  it('a grid gives every combination once, the last path varying fastest', () => {
    assert.deepEqual(expandGrid({ a: [1, 2], b: ['x', 'y', 'z'] }), [
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 1, b: 'z' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
      { a: 2, b: 'z' },
    ]);
  });

  it('a path with no values is an error naming it', () => {
    assert.throws(() => expandGrid({ 'training.epochs': [] }), /training\.epochs: no values/);
  });

  it('random search draws the same trials from the same seed, inside the ranges', () => {
    const d = {
      lr: { logUniform: [1e-4, 1e-2] as [number, number] },
      drop: { uniform: [0.1, 0.5] as [number, number] },
      n: { int: [2, 4] as [number, number] },
      act: { choice: ['relu', 'elu'] },
    };
    const a = sampleRandom(d, 200, 9);
    assert.deepEqual(a, sampleRandom(d, 200, 9));
    assert.notDeepEqual(a, sampleRandom(d, 200, 10));
    for (const p of a) {
      assert.ok((p.lr as number) >= 1e-4 && (p.lr as number) <= 1e-2);
      assert.ok((p.drop as number) >= 0.1 && (p.drop as number) < 0.5);
      assert.ok([2, 3, 4].includes(p.n as number));
      assert.ok(['relu', 'elu'].includes(p.act as string));
    }
    // Log-uniform: about half the draws fall below the geometric mean 1e-3.
    const below = a.filter((p) => (p.lr as number) < 1e-3).length;
    assert.ok(below > 70 && below < 130, `${below} of 200 below 1e-3`);
    assert.deepEqual(new Set(a.map((p) => p.n)), new Set([2, 3, 4]));
  });

  it('a bad range or distribution is an error naming the path', () => {
    assert.throws(() => sampleRandom({ lr: { logUniform: [0, 1] } }, 1, 1), /lr: range \[0,1\]/);
    assert.throws(() => sampleRandom({ lr: { gauss: [0, 1] } as never }, 1, 1), /lr: distribution/);
  });

  it('a list search keeps its trials in order', () => {
    assert.deepEqual(expandSearch({ kind: 'list', trials: [{ seed: 2 }, { seed: 1 }] }), [{ seed: 2 }, { seed: 1 }]);
  });

  it('--grid values are JSON where they parse; brackets keep their commas', () => {
    assert.deepEqual(parseGridArg('training.learningRate=0.001,3e-3'), ['training.learningRate', [0.001, 0.003]]);
    assert.deepEqual(parseGridArg('data.filter=bandpass,none'), ['data.filter', ['bandpass', 'none']]);
    assert.deepEqual(parseGridArg('data.rrFeatures=true,false'), ['data.rrFeatures', [true, false]]);
    assert.deepEqual(parseGridArg('model.dense=[32,16],[64]'), ['model.dense', [[32, 16], [64]]]);
    assert.throws(() => parseGridArg('training.epochs'), /expected path=value/);
  });
});
