import { strict as assert } from 'assert';
import { checkFraction, checkLabels, checkSameLength, indicesWhere } from '../../lib/data/split-checks';
import { throwsInput } from '../helpers';

describe('data/split-checks', () => {
  it('accepts fractions strictly between 0 and 1 and names the option of any other value', () => {
    for (const f of [0.001, 0.5, 0.999]) checkFraction(f, 'testFraction');
    for (const f of [0, 1, -0.2, 1.5, NaN])
      throwsInput(
        () => checkFraction(f, 'testFraction'),
        `options.testFraction: bad value ${f}; expected a fraction strictly between 0 and 1`,
      );
  });

  it('counts classes as the largest label + 1, also when a class in between is missing', () => {
    assert.equal(checkLabels([0, 2, 1]), 3);
    assert.equal(checkLabels(new Int32Array([4, 0])), 5);
    assert.equal(checkLabels([]), 0);
  });

  it('names the first label that is not a non-negative integer, under the given key', () => {
    throwsInput(() => checkLabels([0, 1, -1, 0.5]), 'y[2]: label -1; expected class indices 0, 1, 2, ...');
    throwsInput(() => checkLabels([0, 0.5], 'options.stratify'), 'options.stratify[1]: label 0.5; expected class indices 0, 1, 2, ...');
    throwsInput(() => checkLabels([NaN]), 'y[0]: label NaN; expected class indices 0, 1, 2, ...');
  });

  it('refuses per-row arrays of different lengths, naming the array', () => {
    checkSameLength([1, 2], new Float32Array(2), 'y');
    throwsInput(() => checkSameLength([1, 2, 3], [1], 'groups'), 'groups: 3 rows against 1; expected one entry per row');
  });

  it('lists the indices a predicate picks, ascending', () => {
    assert.deepEqual(Array.from(indicesWhere(7, (i) => i % 3 === 0)), [0, 3, 6]);
    assert.deepEqual(Array.from(indicesWhere(3, () => false)), []);
    assert.ok(indicesWhere(2, () => true) instanceof Int32Array);
  });
});
